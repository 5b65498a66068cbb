package dev.signals.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.live.LiveOptions;
import dev.signals.live.LiveSink;
import dev.signals.router.Route;
import dev.signals.router.Router;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code signals tail} against real live sinks: filtered events printed as they come, and after
 * the sink goes away and comes back on the same port, the events emitted meanwhile are
 * printed once, from the buffer, before the live ones.
 */
class TailTest {

    static final Signal TAIL_EVENT = Signal.of("TAIL_EVENT", Severity.WARN);
    static final Signal NOISE = Signal.of("NOISE", Severity.INFO);

    final Router router = new Router();
    final TimeTravelSink buffer = new TimeTravelSink(1_000);
    final Lines out = new Lines();
    final Lines err = new Lines();
    Thread running;
    Tail tail;

    @AfterEach
    void stop() throws InterruptedException {
        if (tail != null) {
            tail.stop();
            running.join(10_000);
        }
        router.close(Duration.ofSeconds(5));
    }

    @Test
    void printsFilteredEventsAndResumesAfterTheSinkComesBack() throws Exception {
        router.route("*", buffer);
        LiveSink first = live(0);
        Route firstRoute = router.route("*", first);
        TailCommand cmd = new TailCommand();
        cmd.url = first.url();
        cmd.signals.add("TAIL_*");
        start(cmd.streamUri(), false);
        err.await("following");

        emit(TAIL_EVENT, "first one", Field.of("order_id", 7), Field.of("note", "two words"));
        emit(NOISE, "not asked for");
        String line = out.next();
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  TAIL_EVENT first one  order_id=7  note=\"two words\"  \\[main]"),
                line);

        router.remove(firstRoute); // the sink has no route left: it is closed, the connection drops
        err.await("reconnecting");
        emit(TAIL_EVENT, "while away 1");
        emit(NOISE, "still not asked for");
        emit(TAIL_EVENT, "while away 2");
        LiveSink second = live(first.url().getPort());
        router.route("*", second);
        err.await("from event");
        emit(TAIL_EVENT, "back live");
        assertTrue(out.next().contains("while away 1"));
        assertTrue(out.next().contains("while away 2"));
        assertTrue(out.next().contains("back live"));
    }

    @Test
    void jsonPrintsEachEventLineAsSentAndControlCharactersNeverReachTheTerminal() throws Exception {
        router.route("*", buffer);
        LiveSink sink = live(0);
        router.route("*", sink);
        TailCommand cmd = new TailCommand();
        cmd.url = sink.url();
        start(cmd.streamUri(), true);
        err.await("following");
        emit(TAIL_EVENT, "json \u001b[31mred");
        String line = out.next();
        assertTrue(line.startsWith("{\"time\":\""), line);
        assertTrue(line.contains("\"message\":\"json \\u001B[31mred\""), line);
        assertEquals("x\\u001b[31m\\u009by", PrettyEvent.printable("x\u001b[31m\u009by"));
    }

    @Test
    void aWrongTokenEndsTheCommandWithoutRetrying() throws Exception {
        LiveSink sink = new LiveSink(LiveOptions.builder().router(router).token("right").build());
        router.route("*", sink);
        TailCommand cmd = new TailCommand();
        cmd.url = sink.url();
        Tail wrong = new Tail(cmd.streamUri(), "wrong", Duration.ofMillis(50), false, out.stream, err.stream);
        assertEquals(Tail.UNAUTHORISED, wrong.run());
        err.await("401");
    }

    @Test
    void theCommandLineParsesFiltersIntoTheQuery() {
        TailCommand cmd = new TailCommand();
        new picocli.CommandLine(cmd).parseArgs("http://127.0.0.1:9/", "--signal", "ORDER_*", "--signal", "PAY",
                "--field", "region=eu", "--min-severity", "WARN", "--trace", "abc", "--thread", "main 1", "--json");
        assertEquals("http://127.0.0.1:9/api/events?signal=ORDER_*&signal=PAY&field=region%3Deu&minSeverity=WARN"
                + "&trace=abc&thread=main+1", cmd.streamUri().toString());
        assertTrue(cmd.json);
    }

    private LiveSink live(int port) {
        return new LiveSink(LiveOptions.builder().port(port).buffer(buffer).router(router).build());
    }

    private void start(java.net.URI stream, boolean json) {
        tail = new Tail(stream, null, Duration.ofMillis(100), json, out.stream, err.stream);
        running = new Thread(() -> {
            try {
                tail.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tail");
        running.start();
    }

    private void emit(Signal signal, String message, Field... fields) {
        router.dispatch(Event.builder(signal).message(message).fields(fields).build());
    }

    /** A print stream whose lines can be awaited. */
    static final class Lines {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final PrintStream stream = new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    lines.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);

        String next() throws InterruptedException {
            String l = lines.poll(10, TimeUnit.SECONDS);
            if (l == null) {
                throw new AssertionError("no line within 10 s");
            }
            return l;
        }

        void await(String part) throws InterruptedException {
            while (true) {
                String l = next();
                if (l.contains(part)) {
                    return;
                }
            }
        }
    }
}
