package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Scope;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.TraceHeaders;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The W3C Trace Context processing model (Level 2) with the OpenTelemetry bridge: tracestate and
 * trace flags cross between Signals and a real OpenTelemetry SDK in both directions, and go out
 * whole on outgoing calls.
 */
class TraceContextBridgeTest {

    private static final String TRACE = "12345678901234567890123456789012";

    private TestOtel otel;

    @BeforeEach
    void setUp() {
        otel = new TestOtel().install();
    }

    @AfterEach
    void tearDown() {
        otel.close();
        assertNull(Signals.currentTrace(), "the test left a trace on the thread");
        assertEquals(0, LiveSpans.INSTANCE.size(), "every bridged span ended");
    }

    /** Header lines by case-insensitive name, as a server hands them over. */
    private static TraceHeaders.Getter lines(String... namesAndValues) {
        return name -> {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i].equalsIgnoreCase(name)) {
                    found.add(namesAndValues[i + 1]);
                }
            }
            return found;
        };
    }

    private static String parent(String flags) {
        return "00-" + TRACE + "-1234567890123456-" + flags;
    }

    /** What Signals and OpenTelemetry's own propagator each send from inside a span. */
    private static final class Sent {
        final Map<String, String> bySignals = new LinkedHashMap<>();
        final Map<String, String> byOtel = new LinkedHashMap<>();
        SpanContext otelContext;
    }

    private Sent serve(TraceHeaders.Getter headers) {
        Sent sent = new Sent();
        try (Scope remote = Signals.continueTraceFrom(headers); Span span = Signals.span("handle")) {
            span.writeHeaders(sent.bySignals::put);
            otel.sdk.getPropagators().getTextMapPropagator().inject(Context.current(), sent.byOtel, Map::put);
            sent.otelContext = io.opentelemetry.api.trace.Span.current().getSpanContext();
        }
        return sent;
    }

    @Test
    void tracestateGoesThroughOpenTelemetryAndOutUnchanged() {
        Sent sent = serve(lines("traceparent", parent("01"), "tracestate", "rojo=00f067aa0ba902b7", "tracestate", "congo=t61rcWkgMzE"));
        assertEquals("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", sent.bySignals.get("tracestate"));
        assertEquals("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", sent.byOtel.get("tracestate"), "OpenTelemetry's span has it too");
        assertEquals(sent.byOtel.get("traceparent"), sent.bySignals.get("traceparent"));
        SpanData exported = otel.span("handle");
        assertEquals("t61rcWkgMzE", exported.getSpanContext().getTraceState().get("congo"));
        assertEquals("t61rcWkgMzE", exported.getParentSpanContext().getTraceState().get("congo"));
    }

    @Test
    void level2KeysOpenTelemetryRefusesAreStillPassedOn() {
        Sent sent = serve(lines("traceparent", parent("01"), "tracestate", "foo@@bar=1,t@" + "v".repeat(15) + "=2,ok=3"));
        assertEquals("foo@@bar=1,t@" + "v".repeat(15) + "=2,ok=3", sent.bySignals.get("tracestate"));
        assertEquals("ok=3", sent.byOtel.get("tracestate"), "OpenTelemetry's own check is the Level 1 grammar");
    }

    @Test
    void anOpenTelemetrySpansTracestateAndFlagsReachSignals() {
        TextMapGetter<Map<String, String>> getter = new TextMapGetter<>() {
            @Override
            public Iterable<String> keys(Map<String, String> carrier) {
                return carrier.keySet();
            }

            @Override
            public String get(Map<String, String> carrier, String key) {
                return carrier.get(key);
            }
        };
        Context extracted = otel.sdk.getPropagators().getTextMapPropagator().extract(Context.root(),
                Map.of("traceparent", parent("03"), "tracestate", "vendor=abc"), getter);
        io.opentelemetry.api.trace.Span server = otel.tracer().spanBuilder("server").setParent(extracted).startSpan();
        Map<String, String> sent = new LinkedHashMap<>();
        try (io.opentelemetry.context.Scope ignored = server.makeCurrent()) {
            assertEquals("vendor=abc", Signals.currentTrace().traceState().header());
            assertEquals(3, Signals.currentTrace().flags());
            try (Span inner = Signals.span("inner")) {
                inner.writeHeaders(sent::put);
            }
        } finally {
            server.end();
        }
        assertEquals("vendor=abc", sent.get("tracestate"));
        assertTrue(sent.get("traceparent").matches("00-" + TRACE + "-[0-9a-f]{16}-03"), sent.toString());
    }

    @Test
    void flagsGoBothWaysWhole() {
        String[][] inOut = {{"00", "00"}, {"01", "01"}, {"02", "02"}, {"03", "03"}, {"ff", "03"}};
        for (String[] flags : inOut) {
            Sent sent = serve(lines("traceparent", parent(flags[0])));
            assertTrue(sent.bySignals.get("traceparent").matches("00-" + TRACE + "-[0-9a-f]{16}-" + flags[1]),
                    flags[0] + " -> " + sent.bySignals);
            assertEquals(flags[1], sent.otelContext.getTraceFlags().asHex(), "OpenTelemetry's span, from " + flags[0]);
            assertEquals(sent.byOtel.get("traceparent"), sent.bySignals.get("traceparent"));
        }
    }

    @Test
    void aRootSpansTraceparentSaysWhatOpenTelemetrysFlagsSay() {
        try (Span root = Signals.span("root")) {
            SpanContext sc = io.opentelemetry.api.trace.Span.current().getSpanContext();
            assertTrue(root.traceparent().endsWith("-" + sc.getTraceFlags().asHex()), root.traceparent() + " vs " + sc);
            assertEquals(sc.getTraceFlags().isTraceIdRandom(), root.context().random());
            assertEquals(sc.isSampled(), root.context().sampled());
        }
    }

    @Test
    void aChildOfARandomSampledParentKeepsBothFlags() {
        try (Scope remote = Signals.continueTraceFrom(lines("traceparent", parent("03")))) {
            try (Span child = Signals.span("child"); Span grandchild = Signals.span("grandchild")) {
                assertTrue(child.traceparent().endsWith("-03"));
                assertTrue(grandchild.traceparent().endsWith("-03"));
            }
            io.opentelemetry.api.trace.Span plain = otel.tracer().spanBuilder("plain").startSpan();
            plain.end();
        }
        assertEquals(TraceFlags.fromByte((byte) 3), otel.span("child").getSpanContext().getTraceFlags());
        assertEquals(TraceFlags.fromByte((byte) 3), otel.span("grandchild").getSpanContext().getTraceFlags());
        assertEquals(TraceFlags.fromByte((byte) 3), otel.span("plain").getSpanContext().getTraceFlags(),
                "OpenTelemetry's own span under the remote parent");
    }

    @Test
    void malformedDuplicatedAndOverLongListsAreHandledAsWithoutTheBridge() {
        assertNull(serve(lines("traceparent", parent("01"), "tracestate", "foo=bar=baz")).bySignals.get("tracestate"));
        assertNull(serve(lines("traceparent", parent("01"), "tracestate", "foo=1", "tracestate", "FOO=2")).byOtel.get("tracestate"),
                "nor does OpenTelemetry's span get any of a malformed list");
        assertEquals("foo=1,bar=3", serve(lines("traceparent", parent("01"), "tracestate", "foo=1,foo=2,bar=3"))
                .bySignals.get("tracestate"));
        StringJoiner members = new StringJoiner(",");
        for (int i = 1; i <= 33; i++) {
            members.add("k" + i + "=" + i);
        }
        Sent tooMany = serve(lines("traceparent", parent("01"), "tracestate", members.toString()));
        assertNull(tooMany.bySignals.get("tracestate"));
        assertTrue(tooMany.bySignals.get("traceparent").contains(TRACE), "the traceparent is kept");
        String longMember = "long=" + "x".repeat(245);   // 530 characters in all: the right-most long member goes
        String small = "a=" + "y".repeat(150) + ",b=" + "z".repeat(120);
        Sent tooLong = serve(lines("traceparent", parent("01"), "tracestate", small + "," + longMember + ",c=1"));
        assertEquals(small + ",c=1", tooLong.bySignals.get("tracestate"));
        assertEquals(small + ",c=1", tooLong.byOtel.get("tracestate"));
    }

    @Test
    void linesWhitespaceAndEmptyMembersAreOneListAndNoTraceparentMeansNoTracestate() {
        Sent sent = serve(lines("TraceParent", parent("01"), "TRACESTATE", " foo=1 \t,, ", "tracestate", "",
                "tracestate", "bar=2\t"));
        assertEquals("foo=1,bar=2", sent.bySignals.get("tracestate"));
        assertEquals("foo=1,bar=2", sent.byOtel.get("tracestate"));
        Sent orphan = serve(lines("tracestate", "foo=1"));
        assertNull(orphan.bySignals.get("tracestate"));
        assertNull(orphan.byOtel.get("tracestate"));
    }

    @Test
    void severalTraceparentLinesStartANewTrace() {
        Sent sent = serve(lines("traceparent", parent("01"), "traceparent", parent("01"), "tracestate", "foo=1"));
        assertFalse(sent.bySignals.get("traceparent").contains(TRACE));
        assertNull(sent.bySignals.get("tracestate"));
        assertFalse(otel.span("handle").getParentSpanContext().isValid(), "a root span");
    }
}
