package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Span life cycle rules, without a router or a tracing system. */
class SpanTest {

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        other.shutdownNow();
        assertTrue(other.awaitTermination(10, TimeUnit.SECONDS));
        assertNull(Signals.currentTrace(), "every test leaves the thread as it found it");
    }

    @Test
    void closingAParentBeforeItsChildKeepsTheChildCurrentThenRestoresTheStart() {
        Span parent = Signals.span("parent");
        Span child = Signals.span("child");
        parent.close();
        assertTrue(parent.ended());
        assertEquals(child.spanId(), Signals.currentTrace().spanId(), "the open child stays current");
        child.close();
        assertNull(Signals.currentTrace(), "the ended parent is not brought back");
    }

    @Test
    void outOfOrderClosingUnwindsOnlyThePartThatEnded() {
        try (Span a = Signals.span("a")) {
            Span b = Signals.span("b");
            Span c = Signals.span("c");
            b.close();
            assertEquals(c.spanId(), Signals.currentTrace().spanId());
            c.close();
            assertEquals(a.spanId(), Signals.currentTrace().spanId(), "back to the innermost span still open");
        }
    }

    @Test
    void aSpanClosedOnAnotherThreadLeavesTheOpeningThreadOnItsNextLook() throws Exception {
        try (Span outer = Signals.span("outer")) {
            Span async = Signals.span("async");
            String onOther = other.submit(() -> {
                async.close();
                return String.valueOf(Signals.currentTrace());
            }).get();
            assertEquals("null", onOther, "closing there does not touch that thread's context");
            assertTrue(async.ended());
            assertEquals(outer.spanId(), Signals.currentTrace().spanId());
        }
    }

    @Test
    void workHandedToAnotherThreadKeepsTheSpanEvenAfterItEnded() throws Exception {
        Runnable[] task = new Runnable[1];
        CompletableFuture<TraceContext> seen = new CompletableFuture<>();
        String spanId;
        try (Span span = Signals.span("request")) {
            spanId = span.spanId();
            task[0] = Signals.wrap((Runnable) () -> seen.complete(Signals.currentTrace()));
        }
        other.execute(task[0]);
        assertEquals(spanId, seen.get(10, TimeUnit.SECONDS).spanId());
        assertNull(other.submit(Signals::currentTrace).get(), "the worker is restored after the task");
    }

    @Test
    void closeIsIdempotentAndSafeFromSeveralThreads() throws Exception {
        Span span = Signals.span("twice");
        other.submit(span::close).get();
        span.close();
        span.close();
        assertTrue(span.ended());
        assertNull(Signals.currentTrace());
    }

    @Test
    void theFirstFailureWinsAndFailuresAfterTheEndAreIgnored() {
        Span span = Signals.span("work");
        assertFalse(span.failed());
        IllegalStateException first = new IllegalStateException("first");
        span.fail(first);
        span.fail("second");
        assertTrue(span.failed());
        span.close();

        Span late = Signals.span("late");
        late.close();
        late.fail("too late");
        assertFalse(late.failed());

        Span nothing = Signals.span("null cause");
        nothing.fail((Throwable) null);
        assertTrue(nothing.failed(), "a null cause still fails the span");
        nothing.close();
    }

    @Test
    void eventsInsideNestedSpansCarryTheInnermostIds() {
        try (Span outer = Signals.span("outer"); Span inner = Signals.span("inner", Field.of("k", 1), null)) {
            Event e = Event.capture(Signal.INFO, "m", new Field[0], new Field[0]);
            assertEquals(inner.traceId(), e.traceId());
            assertEquals(inner.spanId(), e.spanId());
            assertEquals(outer.spanId(), inner.parentSpanId());
        }
    }

    @Test
    void scopedFieldsOpenedBeforeASpanTravelInsideIt() {
        try (Scope scope = Signals.scope(Field.of("request_id", "r-1")); Span span = Signals.span("s")) {
            Event e = Event.capture(Signal.INFO, "m", new Field[0], new Field[0]);
            assertEquals("r-1", e.field("request_id").stringValue());
            assertEquals(span.spanId(), e.spanId());
        }
    }

    @Test
    void badArgumentsNeverThrow() {
        try (Span span = Signals.span(null, (Field[]) null)) {
            assertEquals("span", span.name());
            assertSame(span.context(), Signals.currentTrace());
        }
    }
}
