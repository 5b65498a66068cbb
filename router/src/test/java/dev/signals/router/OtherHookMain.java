package dev.signals.router;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link OtherHookTest}: another shutdown hook (a web server's "Stopped"
 * lines, say) logs while Signals' own hook drains a slow asynchronous sink.
 */
public final class OtherHookMain {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int events = Integer.parseInt(args[1]);
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        Router global = Router.global();
        global.route("OTHER_HOOK_*", Severity.TRACE, null, null, new Sink() {
            @Override
            public synchronized void accept(Event event) throws Exception {
                writer.write(Long.toString(event.field("i").longValue()));
                writer.newLine();
            }

            @Override
            public synchronized void close() throws Exception {
                writer.close();
            }
        }, DeliveryPolicy.DIRECT, "stopped-file");
        global.route("BUSY_*", Severity.TRACE, event -> {
            for (int i = 0; i < 20_000; i++) {
                Thread.onSpinWait();
            }
        }, DeliveryPolicy.builder().async(20_000, Overflow.BLOCK).build());
        Signal busy = Signal.of("BUSY_WORK");
        for (int i = 0; i < 20_000; i++) {
            Signals.emit(busy, "keeps the drain going for a while");
        }
        Signal stopped = Signal.of("OTHER_HOOK_STOPPED");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = 0; i < events; i++) {
                Signals.emit(stopped, "Stopped", Field.of("i", i));
            }
        }, "other-hook"));
    }

    private OtherHookMain() {
    }
}
