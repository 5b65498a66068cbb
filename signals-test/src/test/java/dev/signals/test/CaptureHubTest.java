package dev.signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.router.Router;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared capturing sink, on a router of its own. */
class CaptureHubTest {

    static final Signal PING = Signal.of("HUB_PING");

    private final Router router = new Router();
    private final CaptureHub hub = new CaptureHub(router);

    @AfterEach
    void close() {
        router.close();
    }

    @Test
    void routesStayWhileAnyCaptureNeedsThem() {
        CaptureHub.Registration a = hub.open(List.of("HUB_*"));
        CaptureHub.Registration b = hub.open(List.of("HUB_*", "OTHER"));
        assertEquals(2, router.routes().size());
        assertTrue(router.isRouted(PING));

        hub.close(a);
        assertEquals(1 + 1, router.routes().size(), "b still needs both patterns");
        hub.close(b);
        assertEquals(List.of(), router.routes());
        assertTrue(!router.isRouted(PING));
    }

    @Test
    void eachEventGoesToTheCaptureWhoseMarkerItCarries() {
        CaptureHub.Registration a = hub.open(List.of("*"));
        CaptureHub.Registration b = hub.open(List.of("*"));

        router.dispatch(Event.builder(PING).message("for a").context(a.marker()).fields(Field.of("n", 1)).build());
        router.dispatch(Event.builder(PING).message("for b").context(b.marker()).build());
        router.dispatch(Event.builder(PING).message("for nobody").build());
        router.dispatch(Event.builder(PING).message("for a closed test").context(Field.of(CaptureHub.MARKER, "t-gone")).build());

        assertEquals(List.of("for a"), a.captured().events().stream().map(Event::message).toList());
        assertEquals(List.of(Field.of("n", 1)), a.captured().events().get(0).fields());
        assertEquals(List.of("for b"), b.captured().events().stream().map(Event::message).toList());

        hub.close(a);
        router.dispatch(Event.builder(PING).message("late for a").context(a.marker()).build());
        assertEquals(1, a.captured().events().size(), "a closed capture takes nothing more");
    }

    @Test
    void aMalformedPatternIsRefusedAndLeavesNothingBehind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hub.open(List.of("HUB_*", "not a pattern")));
        assertTrue(e.getMessage().startsWith("@CaptureSignals: cannot capture [HUB_*, not a pattern]: invalid route pattern"),
                e.getMessage());
        assertEquals(List.of(), router.routes());
    }

    @Test
    void theMarkerIsRemovedAndEverythingElseKept() {
        Event original = Event.builder(PING).message("m").thread("worker-1").trace("0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331").context(Field.of("a", 1), Field.of(CaptureHub.MARKER, "t1")).fields(Field.of("b", "x"))
                .build();
        Event stripped = CaptureHub.withoutMarker(original);
        assertEquals(List.of(Field.of("a", 1), Field.of("b", "x")), stripped.fields());
        assertEquals(original.sequence(), stripped.sequence());
        assertEquals(original.epochMicros(), stripped.epochMicros());
        assertEquals("worker-1", stripped.thread());
        assertEquals(original.traceId(), stripped.traceId());
        assertEquals(original.spanId(), stripped.spanId());
        assertEquals("m", stripped.message());
    }
}
