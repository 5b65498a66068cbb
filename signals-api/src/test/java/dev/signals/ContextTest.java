package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Thread context, spans and event capture, without a router. */
class ContextTest {

    private static final Signal SIG = Signal.of("CONTEXT_TEST");

    @Test
    void scopesNestAndRestore() {
        try (Scope outer = Signals.scope(Field.of("request_id", "r-1"))) {
            try (Scope inner = Signals.scope(Field.of("step", 2))) {
                Event e = Event.capture(SIG, "m", new Field[0], new Field[] {Field.of("k", "v")});
                assertEquals(3, e.fieldCount());
                assertEquals("r-1", e.field("request_id").stringValue());
                assertEquals(2, e.field("step").longValue());
            }
            assertEquals(1, Event.capture(SIG, "m", new Field[0], new Field[0]).fieldCount());
        }
        assertEquals(0, Event.capture(SIG, "m", new Field[0], new Field[0]).fieldCount());
    }

    @Test
    void aSameKeyScopeReplacesTheValueAndClosingRestoresIt() {
        try (Scope outer = Signals.scope(Field.of("user", "outer"))) {
            try (Scope inner = Signals.scope(Field.of("user", "inner"), Field.of("user", "innermost"))) {
                Event e = Event.capture(SIG, "m", new Field[0], new Field[0]);
                assertEquals(1, e.fieldCount());
                assertEquals("innermost", e.field("user").stringValue());
            }
            Event e = Event.capture(SIG, "m", new Field[0], new Field[0]);
            assertEquals(1, e.fieldCount());
            assertEquals("outer", e.field("user").stringValue());
        }
    }

    @Test
    void leakedSameKeyScopesDoNotGrowTheContext() {
        ThreadContext before = ThreadContext.current();
        for (int i = 0; i < 20_000; i++) {
            Signals.scope(Field.of("request_id", i));
        }
        try {
            Event e = Event.capture(SIG, "m", new Field[0], new Field[0]);
            assertEquals(1, e.fieldCount());
            assertEquals(19_999, e.field("request_id").longValue());
        } finally {
            ThreadContext.set(before);
        }
    }

    @Test
    void distinctScopedKeysAreBounded() {
        ThreadContext before = ThreadContext.current();
        for (int i = 0; i < ThreadContext.MAX_SCOPED_FIELDS + 50; i++) {
            Signals.scope(Field.of("k" + i, i));
        }
        try {
            assertEquals(ThreadContext.MAX_SCOPED_FIELDS, Event.capture(SIG, "m", new Field[0], new Field[0]).fieldCount());
        } finally {
            ThreadContext.set(before);
        }
    }

    @Test
    void laterFieldsShadowEarlierOnes() {
        Event e = Event.capture(SIG, "m", new Field[] {Field.of("service", "bound")},
                new Field[] {Field.of("service", "call"), null, Field.of("x", 1)});
        assertEquals(3, e.fieldCount());
        assertTrue(e.isShadowed(0));
        assertEquals("call", e.field("service").stringValue());
    }

    @Test
    void repeatedKeysAreFoundWhateverTheirHashes() {
        assertFalse(Event.builder(SIG).fields(Field.of("a", 1)).build().hasRepeatedKeys());
        assertFalse(Event.builder(SIG).fields(Field.of("Aa", 1), Field.of("BB", 2)).build().hasRepeatedKeys()); // same hash
        assertTrue(Event.builder(SIG).fields(Field.of("a", 1), Field.of("b", 2), Field.of(new String("a"), 3))
                .build().hasRepeatedKeys());
        // Every pair of 2,000 distinct keys, and each key doubled: the filter never hides a repeat.
        for (int i = 0; i < 2_000; i++) {
            String key = "k" + i;
            Event distinct = Event.builder(SIG).fields(Field.of(key, 1), Field.of("k" + (i + 1), 2), Field.of("z", 3)).build();
            assertFalse(distinct.hasRepeatedKeys(), key);
            Event doubled = Event.builder(SIG).fields(Field.of(key, 1), Field.of("z", 3), Field.of("k" + i, 2)).build();
            assertTrue(doubled.hasRepeatedKeys(), key);
        }
    }

    @Test
    void spansNestAndCarryW3cIds() {
        assertNull(Signals.currentTrace());
        try (Span parent = Signals.span("parent")) {
            assertTrue(parent.traceId().matches("[0-9a-f]{32}"));
            assertTrue(parent.spanId().matches("[0-9a-f]{16}"));
            assertNull(parent.parentSpanId());
            try (Span child = Signals.span("child")) {
                assertEquals(parent.traceId(), child.traceId());
                assertEquals(parent.spanId(), child.parentSpanId());
                assertNotEquals(parent.spanId(), child.spanId());
                Event e = Event.capture(SIG, "inside", new Field[0], new Field[0]);
                assertEquals(child.traceId(), e.traceId());
                assertEquals(child.spanId(), e.spanId());
            }
            assertEquals(parent.spanId(), Signals.currentTrace().spanId());
        }
        assertNull(Signals.currentTrace());
    }

    @Test
    void traceContinuesFromAHeaderAndAcrossThreads() throws Exception {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Scope remote = Signals.continueTrace(header); Span span = Signals.span("server")) {
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.traceId());
            assertEquals("00f067aa0ba902b7", span.parentSpanId());
            Future<String> onOtherThread = pool.submit(Signals.wrap(() -> Signals.currentTrace().spanId()));
            assertEquals(span.spanId(), onOtherThread.get());
        } finally {
            pool.shutdownNow();
        }
        assertNull(Signals.currentTrace());
    }

    @Test
    void eventsAreStampedInOrder() {
        Event a = Event.capture(SIG, null, new Field[0], null);
        Event b = Event.capture(SIG, "m", new Field[0], new Field[0]);
        assertTrue(b.sequence() > a.sequence());
        assertTrue(b.epochMicros() >= a.epochMicros());
        assertEquals("", a.message());
        assertEquals(Thread.currentThread().getName(), a.thread());
        assertEquals(a.epochMicros(), a.timestamp().getEpochSecond() * 1_000_000 + a.timestamp().getNano() / 1000);
    }
}
