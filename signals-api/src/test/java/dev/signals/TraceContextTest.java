package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void parsesAndWritesTraceparent() {
        TraceContext t = TraceContext.fromTraceparent("00-" + TRACE + "-" + SPAN + "-01");
        assertEquals(TRACE, t.traceId());
        assertEquals(SPAN, t.spanId());
        assertTrue(t.sampled());
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", t.traceparent());
        assertFalse(TraceContext.fromTraceparent("00-" + TRACE + "-" + SPAN + "-00").sampled());
    }

    @Test
    void malformedHeadersGiveNull() {
        String[] bad = {null, "", "garbage", "00-" + TRACE + "-" + SPAN, "00-" + TRACE.toUpperCase() + "-" + SPAN + "-01",
            "00-00000000000000000000000000000000-" + SPAN + "-01", "00-" + TRACE + "-0000000000000000-01",
            "ff-" + TRACE + "-" + SPAN + "-01", "00-" + TRACE + "-" + SPAN + "-01-extra", "00-" + TRACE + "-" + SPAN + "-zz"};
        for (String h : bad) {
            assertNull(TraceContext.fromTraceparent(h), String.valueOf(h));
        }
    }

    @Test
    void aFutureVersionMayCarryMore() {
        assertEquals(TRACE, TraceContext.fromTraceparent("01-" + TRACE + "-" + SPAN + "-01-more").traceId());
    }

    @Test
    void invalidIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TraceContext.of("abc", SPAN, true));
        assertThrows(IllegalArgumentException.class, () -> TraceContext.of(TRACE, "XYZ", true));
    }
}
