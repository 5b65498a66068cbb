package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client reconnecting with {@code Last-Event-ID} gets what it missed from the buffer, or is told what is gone. */
class ResumeTest {

    static final Signal STEP = Signal.of("STEP", Severity.INFO);
    static final Signal NOISE = Signal.of("NOISE", Severity.INFO);

    @TempDir
    Path snapshots;

    @Test
    void reconnectingWithLastEventIdReplaysTheMissedEventsOnceThenGoesLive() throws Exception {
        URI url = LiveFixture.start(snapshots, 1_000, "", "TRACE");
        URI stream = url.resolve("/api/events?signal=STEP");
        String lastId;
        try (SseClient first = SseClient.open(stream, Map.of())) {
            Signals.emit(STEP, "a1");
            Signals.emit(STEP, "a2");
            assertEquals("a1", message(first.next(10)));
            SseClient.Message a2 = first.next(10);
            assertEquals("a2", message(a2));
            lastId = a2.id();
        }
        Signals.emit(STEP, "a3");
        Signals.emit(NOISE, "not for this filter");
        Signals.emit(STEP, "a4");
        try (SseClient again = SseClient.open(stream, Map.of("Last-Event-ID", lastId))) {
            Signals.emit(STEP, "a5");
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseClient.Message m = again.next(10);
                assertEquals("message", m.event(), m.toString());
                got.add(message(m));
            }
            assertEquals(List.of("a3", "a4", "a5"), got, "missed events from the buffer, then live, none twice");
        }
    }

    @Test
    void whenTheBufferNoLongerReachesBackTheClientIsToldHowManyAreGone() throws Exception {
        URI url = LiveFixture.start(snapshots, 10, "", "TRACE");
        URI stream = url.resolve("/api/events?signal=STEP");
        String lastId;
        try (SseClient first = SseClient.open(stream, Map.of())) {
            Signals.emit(STEP, "before");
            lastId = first.next(10).id();
        }
        for (int i = 0; i < 50; i++) {
            Signals.emit(STEP, "missed-" + i);
        }
        try (SseClient again = SseClient.open(stream, Map.of("Last-Event-ID", lastId))) {
            SseClient.Message gap = again.next(10);
            assertEquals("gap", gap.event(), gap.toString());
            Map<String, String> g = Json.scalars(gap.data());
            assertEquals(lastId, g.get("after"));
            long oldest = Long.parseLong(g.get("oldestKept"));
            assertEquals(oldest - Long.parseLong(lastId) - 1, Long.parseLong(g.get("goneAtMost")));
            assertTrue(Long.parseLong(g.get("goneAtMost")) >= 40, gap.data());
            List<String> replayed = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                replayed.add(message(again.next(10)));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 40; i < 50; i++) {
                expected.add("missed-" + i);
            }
            assertEquals(expected, replayed, "the buffer's last 10 events follow the notice");
        }
    }

    private static String message(SseClient.Message m) {
        return Json.scalars(m.data()).get("message");
    }
}
