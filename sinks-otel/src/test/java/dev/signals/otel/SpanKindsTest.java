package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.SpanKind;
import dev.signals.router.Route;
import dev.signals.router.Router;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Signals span's kind reaches OpenTelemetry, and its own events name it only when it is not internal. */
class SpanKindsTest {

    private TestOtel otel;
    private final EventRecorder events = new EventRecorder();
    private Route route;

    @BeforeEach
    void setUp() {
        otel = new TestOtel().install();
        route = Router.global().route("SPAN_*", events);
    }

    @AfterEach
    void tearDown() {
        route.remove();
        otel.close();
    }

    @Test
    void eachKindIsTheOpenTelemetrySpansKind() {
        for (SpanKind kind : SpanKind.values()) {
            try (Span span = Signals.span(kind, "span_" + kind)) {
                assertEquals(kind, span.kind());
            }
        }
        try (Span plain = Signals.span("plain")) {
            assertEquals(SpanKind.INTERNAL, plain.kind());
        }
        try (Span unset = Signals.span(null, "unset")) {
            assertEquals(SpanKind.INTERNAL, unset.kind(), "a null kind is the default");
        }
        for (SpanKind kind : SpanKind.values()) {
            assertEquals(kind.name(), otel.span("span_" + kind).getKind().name());
        }
        assertEquals(io.opentelemetry.api.trace.SpanKind.INTERNAL, otel.span("plain").getKind());
        assertEquals(io.opentelemetry.api.trace.SpanKind.INTERNAL, otel.span("unset").getKind());
    }

    @Test
    void aServerSpanOpenedWhileAnOpenTelemetryServerSpanIsCurrentIsItsChild() {
        // What the Java agent does around a request: a SERVER span, current in OpenTelemetry's Context.
        io.opentelemetry.api.trace.Span agent = otel.tracer().spanBuilder("GET /orders")
                .setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER).startSpan();
        SpanContext agentContext = agent.getSpanContext();
        try (io.opentelemetry.context.Scope s = agent.makeCurrent();
             Span handler = Signals.span(SpanKind.SERVER, "place_order")) {
            assertEquals(agentContext.getSpanId(), handler.parentSpanId());
            assertEquals(agentContext.getTraceId(), handler.traceId());
        } finally {
            agent.end();
        }
        SpanData handler = otel.span("place_order");
        assertEquals(io.opentelemetry.api.trace.SpanKind.SERVER, handler.getKind());
        assertEquals(agentContext.getTraceId(), handler.getTraceId());
        assertEquals(agentContext.getSpanId(), handler.getParentSpanId(), "nested under the agent's span, not beside it");
    }

    @Test
    void spanEventsCarrySpanKindOnlyForSpansThatAreNotInternal() {
        try (Span internal = Signals.span("internal", Field.of("order_id", "o-1"))) {
            try (Span client = Signals.span(SpanKind.CLIENT, "call", Field.of("order_id", "o-1"))) {
                client.fail("refused");
            }
        }
        List<Event> all = events.events();
        assertEquals(List.of("span,order_id", "span,parent_span_id,span_kind,order_id",
                        "span,duration,status,failure,span_kind", "span,duration,status"),
                all.stream().map(SpanKindsTest::keys).collect(Collectors.toList()));
        assertEquals("CLIENT", all.get(1).field("span_kind").stringValue());
        assertEquals("CLIENT", all.get(2).field("span_kind").stringValue());
        assertNull(all.get(0).field("span_kind"));
        assertTrue(all.stream().allMatch(e -> e.signal() == Span.STARTED || e.signal() == Span.ENDED));
    }

    private static String keys(Event e) {
        return e.fields().stream().map(Field::key).collect(Collectors.joining(","));
    }
}
