package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Route;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events emitted inside a span become its span events, within a budget that favours warnings. */
class SpanEventsTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    private static final Signal STOCK_LOW = Signal.of("STOCK_LOW", Severity.WARN);
    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);

    /** A record for a field value written as JSON. */
    public record Item(String sku, int quantity) {
    }

    private TestOtel otel;
    private Route route;

    @BeforeEach
    void setUp() {
        otel = new TestOtel().install();
    }

    @AfterEach
    void tearDown() {
        if (route != null) {
            route.remove();
        }
        otel.close();
    }

    private OtelSpanSink routed(OtelSpanSink sink) {
        route = Router.global().route("*", sink);
        return sink;
    }

    @Test
    void eventsBecomeSpanEventsWithTypedAttributes() {
        OtelSpanSink sink = routed(OtelSpanSink.builder().build());
        Instant at = Instant.parse("2026-11-23T10:15:30.123456Z");
        try (Span span = Signals.span("create_order")) {
            Signals.emit(ORDER_CREATED, "Order created",
                    Field.of("order_id", "o-1"), Field.of("items", 2), Field.of("total", 19.99), Field.of("gift", true),
                    Field.of("elapsed", Duration.ofMillis(1500)), Field.of("placed_at", at),
                    Field.of("lines", List.of(new Item("a-1", 2), Map.of("sku", "b\"2"))),
                    Field.secret("card_token", "tok_live_123"), Field.of("message", "a field called message"));
        }
        SpanData span = otel.span("create_order");
        assertEquals(1, span.getEvents().size(), "SPAN_STARTED and SPAN_ENDED are the span itself: " + span.getEvents());
        EventData event = span.getEvents().get(0);
        assertEquals("ORDER_CREATED", event.getName());
        Attributes a = event.getAttributes();
        assertEquals("Order created", a.get(AttributeKey.stringKey("message")));
        assertEquals("INFO", a.get(AttributeKey.stringKey("severity")));
        assertEquals("o-1", a.get(AttributeKey.stringKey("order_id")));
        assertEquals(2L, a.get(AttributeKey.longKey("items")));
        assertEquals(19.99, a.get(AttributeKey.doubleKey("total")));
        assertEquals(true, a.get(AttributeKey.booleanKey("gift")));
        assertEquals(1500.0, a.get(AttributeKey.doubleKey("elapsed")));
        assertEquals("2026-11-23T10:15:30.123456Z", a.get(AttributeKey.stringKey("placed_at")));
        assertEquals("[{\"sku\":\"a-1\",\"quantity\":2},{\"sku\":\"b\\\"2\"}]", a.get(AttributeKey.stringKey("lines")));
        assertEquals("***", a.get(AttributeKey.stringKey("card_token")));
        assertEquals("a field called message", a.get(AttributeKey.stringKey("_message")));
        assertEquals(1, sink.attachedEvents());
    }

    @Test
    void theEventTimeIsTheSpanEventTime() {
        OtelSpanSink sink = OtelSpanSink.builder().build();
        EventRecorder recorder = new EventRecorder();
        route = Router.global().route("*", e -> {
            recorder.accept(e);
            sink.accept(e);
        });
        try (Span span = Signals.span("timed")) {
            Signals.info("now");
        }
        long eventNanos = otel.span("timed").getEvents().get(0).getEpochNanos();
        assertEquals(recorder.withMessage("now").epochMicros() * 1_000L, eventNanos);
    }

    @Test
    void anErrorFieldIsRecordedAsTheSpansException() {
        routed(OtelSpanSink.builder().build());
        try (Span span = Signals.span("charge_card")) {
            Signals.emit(PAYMENT_FAILED, "Payment failed", Field.of("order_id", "o-9"),
                    Field.error(new IllegalArgumentException("card expired")));
        }
        EventData exception = otel.span("charge_card").getEvents().get(0);
        assertEquals("exception", exception.getName());
        Attributes a = exception.getAttributes();
        assertEquals("java.lang.IllegalArgumentException", a.get(AttributeKey.stringKey("exception.type")));
        assertEquals("card expired", a.get(AttributeKey.stringKey("exception.message")));
        assertTrue(a.get(AttributeKey.stringKey("exception.stacktrace")).contains("SpanEventsTest"));
        assertEquals("PAYMENT_FAILED", a.get(AttributeKey.stringKey("signal")));
        assertEquals("Payment failed", a.get(AttributeKey.stringKey("message")));
        assertEquals("ERROR", a.get(AttributeKey.stringKey("severity")));
        assertEquals("o-9", a.get(AttributeKey.stringKey("order_id")));
        assertNull(a.get(AttributeKey.stringKey("error")), "the error is the exception, not a second attribute");
    }

    @Test
    void aLongSpanKeepsItsWarningsAndSaysHowManyEventsItLeftOut() {
        OtelSpanSink sink = routed(OtelSpanSink.builder().maxEventsPerSpan(10, 3).build());
        try (Span span = Signals.span("import_batch")) {
            for (int i = 0; i < 20; i++) {
                Signals.debug("row " + i);
            }
            Signals.emit(STOCK_LOW, "stock low", Field.of("sku", "a-1"));
            for (int i = 20; i < 30; i++) {
                Signals.debug("row " + i);
            }
            Signals.emit(PAYMENT_FAILED, "payment failed at the end");
            Signals.emit(STOCK_LOW, "one warning too many");
        }
        SpanData span = otel.span("import_batch");
        List<String> names = span.getEvents().stream().map(EventData::getName).collect(Collectors.toList());
        assertEquals(10, names.size(), names.toString());
        assertEquals(7, names.stream().filter("DEBUG"::equals).count(), "debug events stop before the reserve");
        assertTrue(names.contains("STOCK_LOW"));
        assertTrue(names.contains("PAYMENT_FAILED"), "the error at the end of the span is kept");
        long left = 20 + 10 + 3 - 10;
        assertEquals(left, span.getAttributes().get(AttributeKey.longKey(OtelSpanSink.DROPPED_EVENTS)));
        assertEquals(left, sink.droppedEvents());
        assertEquals(10, sink.attachedEvents());
    }

    @Test
    void eventsInsideASpanOpenedThroughTheOpenTelemetryApiAreAttachedToIt() {
        OtelSpanSink sink = routed(OtelSpanSink.builder().maxEventsPerSpan(2, 1).build());
        io.opentelemetry.api.trace.Span http = otel.tracer().spanBuilder("GET /orders").startSpan();
        try (io.opentelemetry.context.Scope s = http.makeCurrent()) {
            Signals.info("listing orders", Field.of("page", 1));
            Signals.info("a second info");
            Signals.warn("slow page");
        } finally {
            http.end();
        }
        SpanData span = otel.span("GET /orders");
        assertEquals(List.of("INFO", "WARN"), span.getEvents().stream().map(EventData::getName).collect(Collectors.toList()));
        assertEquals(1L, span.getEvents().get(0).getAttributes().get(AttributeKey.longKey("page")));
        assertEquals(1L, span.getAttributes().get(AttributeKey.longKey(OtelSpanSink.DROPPED_EVENTS)));
        assertEquals(1, sink.droppedEvents());
    }

    @Test
    void eventsOutsideSpansOrBelowTheThresholdAreLeftAlone() {
        OtelSpanSink sink = routed(OtelSpanSink.builder().eventMinSeverity(Severity.INFO).build());
        Signals.info("outside any span");
        try (Span span = Signals.span("quiet")) {
            Signals.debug("too detailed");
            Signals.info("kept");
        }
        assertEquals(List.of("INFO"), otel.span("quiet").getEvents().stream().map(EventData::getName).collect(Collectors.toList()));
        assertEquals(1, sink.attachedEvents());
        assertEquals(0, sink.unattachedEvents());
    }

    @Test
    void eventsDeliveredAfterTheirSpanEndedAreCounted() throws Exception {
        OtelSpanSink sink = OtelSpanSink.builder().build();
        List<dev.signals.Event> late = new java.util.ArrayList<>();
        route = Router.global().route("*", late::add);
        try (Span span = Signals.span("short")) {
            Signals.info("delivered later");
        }
        for (dev.signals.Event e : late) {
            sink.accept(e);
        }
        assertEquals(1, sink.unattachedEvents(), "the INFO; SPAN_STARTED and SPAN_ENDED are skipped");
        assertTrue(otel.span("short").getEvents().isEmpty());
    }

    @Test
    void spanEventsCannotBeQueued() {
        Router router = new Router();
        try {
            ConfigException e = assertThrows(ConfigException.class, () -> router.configure(
                    "{\"sinks\": {\"jaeger\": {\"type\": \"otel-spans\", \"async\": {\"queue\": 10}}}}", "async.json"));
            assertTrue(e.getMessage().contains("async.json") && e.getMessage().contains("synchronously"), e.getMessage());
            router.configure("{\"sinks\": {\"jaeger\": {\"type\": \"otel-spans\", \"spanEvents\": false, \"async\": {\"queue\": 10}}}}",
                    "pairs-only.json");
        } finally {
            router.close();
        }
    }
}
