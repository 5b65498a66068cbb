package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.delivery.SinkStats;
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
 * finish, the router delivers every event to the live sink, the client's losses are counted,
 * and once it reads again it is told exactly how many it lost.
 */
class SlowSubscriberTest {

    static final Signal LOAD = Signal.of("LOAD_EVENT", Severity.INFO);
    static final Signal LOAD_END = Signal.of("LOAD_END", Severity.INFO);
    static final int THREADS = 4;
    static final int PER_THREAD = 250_000;

    @TempDir
    Path snapshots;

    @Test
    void aStalledClientLosesItsOldestEventsAndIsToldHowMany() throws Exception {
        URI url = LiveFixture.start(snapshots, 1_000, "\"subscriberQueue\": 1000", "TRACE");
        try (StalledClient stalled = new StalledClient(url, "/api/events?signal=LOAD_*");
             SseClient fast = SseClient.open(url.resolve("/api/events?signal=LOAD_END"), Map.of())) {
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

    private static long lostReported(URI url) throws Exception {
        HttpResponse<String> stats = SseClient.HTTP.send(HttpRequest.newBuilder(url.resolve("/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = stats.body();
        int at = body.lastIndexOf("\"live\":"); // the live section comes last, after a sink of the same name
        return Long.parseLong(Json.scalars(body.substring(at + 7, body.indexOf('}', at) + 1)).get("lost"));
    }
}
