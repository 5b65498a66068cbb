package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.delivery.SinkStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stops reading while four threads emit 250 000 events each: the emitters
 * finish, the router delivers every event to the live sink, the heap the stalled client holds
 * stays bounded, the client's losses are counted, and once it reads again it is told exactly
 * how many it lost.
 *
 * <p><b>The heap bound.</b> Retained heap (used after a full collection, through
 * {@link MemoryMXBean}) is measured once both clients are connected and again after the load,
 * while the client is still stalled. What the load may leave behind is the client's ring of
 * {@value #QUEUE} events, the buffer's 1 000 and what the server thread holds while blocked on
 * the socket: a few MiB. {@value #RETAINED_BOUND_MIB} MiB leaves room for the JVM's own noise; a
 * queue that kept every event for the stalled client would hold the 1 000 000 events (measured
 * at 115 MiB with a ring as large as the load, against 1 MiB with this one), far above it.
 */
class SlowSubscriberTest {

    static final Signal LOAD = Signal.of("LOAD_EVENT", Severity.INFO);
    static final Signal LOAD_END = Signal.of("LOAD_END", Severity.INFO);
    static final int THREADS = 4;
    static final int PER_THREAD = 250_000;
    static final int QUEUE = 1_000;
    static final long RETAINED_BOUND_MIB = 32;

    @TempDir
    Path snapshots;

    @Test
    void aStalledClientLosesItsOldestEventsAndIsToldHowMany() throws Exception {
        URI url = LiveFixture.start(snapshots, 1_000, "\"subscriberQueue\": " + QUEUE, "TRACE");
        try (StalledClient stalled = new StalledClient(url, "/api/events?signal=LOAD_*");
             SseClient fast = SseClient.open(url.resolve("/api/events?signal=LOAD_END"), Map.of())) {
            long before = retainedHeap();
            List<Thread> emitters = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread e = new Thread(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        Signals.emit(LOAD, "load", Field.of("thread", thread), Field.of("i", i));
                    }
                }, "emitter-" + t);
                emitters.add(e);
                e.start();
            }
            for (Thread e : emitters) {
                e.join(); // the stalled client never holds them up
            }
            Signals.emit(LOAD_END, "end");
            assertEquals("LOAD_END", Json.scalars(fast.next(10).data()).get("signal"),
                    "another client is not held up by the stalled one");

            long grown = retainedHeap() - before;
            System.out.printf("retained heap grew by %.1f MiB while the client was stalled%n", grown / 1048576.0);
            assertTrue(grown < RETAINED_BOUND_MIB << 20, "the stalled client holds a bounded amount of heap: "
                    + (grown >> 20) + " MiB retained after the load, bound " + RETAINED_BOUND_MIB + " MiB");

            SinkStats live = Router.global().stats().sink("live");
            assertEquals(live.routed(), live.delivered(), "the router hands every event to the live sink: " + live);
            long lostWhileStalled = lostReported(url);
            assertTrue(lostWhileStalled > 0, "the stalled client's losses are counted while it is stalled");

            long received = 0;
            long announced = 0;
            try (SseClient reading = stalled.resume()) {
                while (true) {
                    SseClient.Message m = reading.next(20);
                    if (m.event().equals("lost")) {
                        Map<String, String> lost = Json.scalars(m.data());
                        announced += Long.parseLong(lost.get("lost"));
                        assertEquals(announced, Long.parseLong(lost.get("total")));
                    } else if (Json.scalars(m.data()).get("signal").equals("LOAD_END")) {
                        break;
                    } else {
                        received++;
                    }
                }
            }
            assertEquals((long) THREADS * PER_THREAD, received + announced, "every event either arrived or was announced lost");
            assertTrue(announced >= lostWhileStalled, announced + " announced, " + lostWhileStalled + " counted before");
            assertEquals(announced, lostReported(url), "/api/stats counts what the client was told");
        }
    }

    /** Heap in use after a full collection: what is still referenced. */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc(); // a second pass for what the first left to finalisation and reference processing
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long lostReported(URI url) throws Exception {
        HttpResponse<String> stats = SseClient.HTTP.send(HttpRequest.newBuilder(url.resolve("/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = stats.body();
        int at = body.lastIndexOf("\"live\":"); // the live section comes last, after a sink of the same name
        return Long.parseLong(Json.scalars(body.substring(at + 7, body.indexOf('}', at) + 1)).get("lost"));
    }
}
