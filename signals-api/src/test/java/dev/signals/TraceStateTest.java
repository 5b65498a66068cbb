package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tracestate value as an object: what a service can read of it, and the forms it is built from. */
class TraceStateTest {

    @Test
    void membersAreReadInOrder() {
        TraceState state = TraceState.parse(Arrays.asList("rojo=00f067aa0ba902b7", null, "congo=t61rcWkgMzE"));
        assertEquals(2, state.size());
        assertEquals("00f067aa0ba902b7", state.get("rojo"));
        assertNull(state.get("absent"));
        assertEquals(List.of("rojo", "congo"), List.copyOf(state.asMap().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> state.asMap().put("x", "y"));
        assertEquals("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", state.header());
        assertEquals(state.header(), state.toString());
    }

    @Test
    void equalWhenTheMembersAndTheirOrderAre() {
        assertEquals(TraceState.parse("a=1, b=2"), TraceState.parse(List.of("a=1", "b=2")));
        assertEquals(TraceState.parse("a=1, b=2").hashCode(), TraceState.parse("a=1,b=2").hashCode());
        assertNotEquals(TraceState.parse("a=1,b=2"), TraceState.parse("b=2,a=1"));
    }

    @Test
    void nothingGivesTheEmptyState() {
        assertSame(TraceState.empty(), TraceState.parse((String) null));
        assertSame(TraceState.empty(), TraceState.parse((Iterable<String>) null));
        assertSame(TraceState.empty(), TraceState.parse(" , "));
        assertTrue(TraceState.empty().isEmpty());
        assertEquals(Map.of(), TraceState.empty().asMap());
        assertEquals("", TraceState.empty().header());
    }

    @Test
    void aContextCarriesItsStateAndKnownFlagsOnly() {
        TraceContext t = TraceContext.of("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", 0xff, true,
                TraceState.parse("a=1"));
        assertEquals(3, t.flags());
        assertTrue(t.sampled() && t.random() && t.remote());
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03", t.traceparent());
        assertEquals("1", t.traceState().get("a"));
        assertNotEquals(t, TraceContext.of(t.traceId(), t.spanId(), 3, true, null));
        assertSame(TraceState.empty(), TraceContext.of(t.traceId(), t.spanId(), 3, true, null).traceState());
    }
}
