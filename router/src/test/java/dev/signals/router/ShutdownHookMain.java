package dev.signals.router;

import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link ShutdownHookTest}: routes a slow asynchronous sink that writes
 * one line per event, emits a burst and returns from main without flushing. Only the global
 * router's shutdown hook can get the events into the file.
 */
public final class ShutdownHookMain {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int events = Integer.parseInt(args[1]);
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        Router.global().route("HOOK_*", dev.signals.Severity.TRACE, new dev.signals.Sink() {
            @Override
            public void accept(dev.signals.Event event) throws Exception {
                for (int i = 0; i < 2_000; i++) {
                    Thread.onSpinWait();
                }
                writer.write(Long.toString(event.field("i").longValue()));
                writer.newLine();
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        }, DeliveryPolicy.builder().async(events, Overflow.BLOCK).blockTimeout(Duration.ofSeconds(30)).build());
        Signal tick = Signal.of("HOOK_TICK");
        for (int i = 0; i < events; i++) {
            Signals.emit(tick, "tick", Field.of("i", i));
        }
    }

    private ShutdownHookMain() {
    }
}
