package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With no tracing system on the class path, Signals makes W3C ids itself and carries them across services. */
class TraceIdsTest {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-03");

    @Test
    void noBridgeIsFoundHere() {
        assertFalse(ThreadContext.bridged());
    }

    @Test
    void idsAreW3cValidAndRandom() {
        Set<String> traces = new HashSet<>();
        Set<String> spans = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            try (Span span = Signals.span("s")) {
                assertTrue(TRACE_ID.matcher(span.traceId()).matches(), span.traceId());
                assertTrue(SPAN_ID.matcher(span.spanId()).matches(), span.spanId());
                assertTrue(TraceContext.isValidId(span.traceId(), 32) && TraceContext.isValidId(span.spanId(), 16));
                assertTrue(TRACEPARENT.matcher(span.traceparent()).matches());
                assertTrue(span.context().sampled(), "a new trace is sampled");
                assertTrue(span.context().random(), "and says its id is random");
                assertFalse(span.context().remote());
                traces.add(span.traceId());
                spans.add(span.spanId());
            }
        }
        assertEquals(2000, traces.size(), "every root span starts its own trace");
        assertEquals(2000, spans.size());
    }

    @Test
    void hexDigitsAreAllUsed() {
        Set<Character> digits = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            for (char c : Span.randomId(2).toCharArray()) {
                digits.add(c);
            }
        }
        assertEquals(16, digits.size());
    }

    @Test
    void aTraceContinuesAcrossServicesThroughTraceparent() throws Exception {
        ExecutorService serviceB = Executors.newSingleThreadExecutor();
        try (Span client = Signals.span("call_inventory")) {
            String header = client.traceparent();
            // Service B sees only the header, on a thread of its own with no context.
            String[] seen = serviceB.submit(() -> {
                try (Scope remote = Signals.continueTrace(header)) {
                    TraceContext continued = Signals.currentTrace();
                    Event outside = Event.capture(Signal.INFO, "received", new Field[0], new Field[0]);
                    try (Span server = Signals.span("reserve_stock")) {
                        Event inside = Event.capture(Signal.INFO, "reserving", new Field[0], new Field[0]);
                        return new String[] {String.valueOf(continued.remote()), outside.traceId(), outside.spanId(),
                            server.traceId(), server.parentSpanId(), inside.spanId(), server.spanId(),
                            String.valueOf(server.context().remote()), server.traceparent()};
                    }
                }
            }).get(10, TimeUnit.SECONDS);
            assertEquals("true", seen[0], "a context read from a header is remote");
            assertEquals(client.traceId(), seen[1]);
            assertEquals(client.spanId(), seen[2], "events before any span carry the caller's span id");
            assertEquals(client.traceId(), seen[3], "the server span joins the caller's trace");
            assertEquals(client.spanId(), seen[4], "its parent is the caller's span");
            assertEquals(seen[6], seen[5]);
            assertNotEquals(client.spanId(), seen[6]);
            assertEquals("false", seen[7]);
            assertTrue(seen[8].startsWith("00-" + client.traceId() + "-") && seen[8].endsWith("-03"));
            assertNull(serviceB.submit(Signals::currentTrace).get(), "service B's thread is clean again");
        } finally {
            serviceB.shutdownNow();
        }
    }

    @Test
    void anUnsampledCallerKeepsItsChildrenUnsampled() {
        String header = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";
        try (Scope remote = Signals.continueTrace(header); Span span = Signals.span("child")) {
            assertFalse(span.context().sampled());
            assertTrue(span.traceparent().endsWith("-00"));
            assertEquals("0af7651916cd43dd8448eb211c80319c", span.traceId());
        }
    }

    @Test
    void aMalformedHeaderChangesNothing() {
        try (Span span = Signals.span("mine")) {
            try (Scope bad = Signals.continueTrace("00-not-a-real-header-01")) {
                assertEquals(span.context(), Signals.currentTrace());
            }
            try (Scope none = Signals.continueTrace(null)) {
                assertEquals(span.context(), Signals.currentTrace());
            }
        }
        assertNull(Signals.currentTrace());
    }
}
