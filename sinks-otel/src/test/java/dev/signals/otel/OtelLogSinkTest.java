package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Route;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events as OpenTelemetry log records through the Logs Bridge API. */
class OtelLogSinkTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);

    private TestOtel otel;
    private Router router;

    @BeforeEach
    void setUp() {
        otel = new TestOtel();
        router = new Router();
    }

    @AfterEach
    void tearDown() {
        router.close();
        otel.close();
    }

    @Test
    void anEventBecomesALogRecordWithItsSeverityFieldsAndTime() {
        router.route("*", OtelLogSink.create(otel.sdk));
        Instant at = Instant.parse("2026-11-23T10:15:30.123456Z");
        router.dispatch(Event.builder(ORDER_CREATED).message("Order created").timestamp(at).thread("http-1")
                .fields(Field.of("order_id", "o-1"), Field.of("items", 2), Field.of("total", 9.5), Field.of("paid", false),
                        Field.of("signal", "a field called signal"))
                .build());
        LogRecordData r = otel.logs.getFinishedLogRecordItems().get(0);
        assertEquals(io.opentelemetry.api.logs.Severity.INFO, r.getSeverity());
        assertEquals("INFO", r.getSeverityText());
        assertEquals("Order created", r.getBodyValue().asString());
        assertEquals("ORDER_CREATED", r.getEventName());
        assertEquals(at.getEpochSecond() * 1_000_000_000L + at.getNano(), r.getTimestampEpochNanos());
        assertEquals("ORDER_CREATED", r.getAttributes().get(AttributeKey.stringKey("signal")));
        assertEquals("a field called signal", r.getAttributes().get(AttributeKey.stringKey("_signal")));
        assertEquals("http-1", r.getAttributes().get(AttributeKey.stringKey("thread.name")));
        assertEquals("o-1", r.getAttributes().get(AttributeKey.stringKey("order_id")));
        assertEquals(2L, r.getAttributes().get(AttributeKey.longKey("items")));
        assertEquals(9.5, r.getAttributes().get(AttributeKey.doubleKey("total")));
        assertEquals(false, r.getAttributes().get(AttributeKey.booleanKey("paid")));
        assertFalse(r.getSpanContext().isValid(), "no trace outside a span");
        assertEquals(OtelTracing.INSTRUMENTATION_SCOPE, r.getInstrumentationScopeInfo().getName());
    }

    @Test
    void everySeverityMapsToItsOpenTelemetryNamesake() {
        router.route("*", OtelLogSink.create(otel.sdk));
        for (Severity s : Severity.values()) {
            router.dispatch(Event.builder(Signal.forSeverity(s)).message(s.name()).build());
        }
        List<LogRecordData> records = otel.logs.getFinishedLogRecordItems();
        assertEquals(6, records.size());
        for (int i = 0; i < 6; i++) {
            Severity s = Severity.values()[i];
            assertEquals(s.name(), records.get(i).getSeverity().name());
            assertNull(records.get(i).getEventName(), "a level is not an event name");
        }
    }

    @Test
    void anErrorIsTheRecordsException() {
        router.route("*", OtelLogSink.create(otel.sdk));
        router.dispatch(Event.builder(PAYMENT_FAILED).message("declined")
                .fields(Field.error(new IllegalStateException("card declined"))).build());
        LogRecordData r = otel.logs.getFinishedLogRecordItems().get(0);
        assertEquals(io.opentelemetry.api.logs.Severity.ERROR, r.getSeverity());
        assertEquals("java.lang.IllegalStateException", r.getAttributes().get(AttributeKey.stringKey("exception.type")));
        assertEquals("card declined", r.getAttributes().get(AttributeKey.stringKey("exception.message")));
        assertNull(r.getAttributes().get(AttributeKey.stringKey("error")));
    }

    @Test
    void recordsCarryTheTraceContextOfTheirSpan() {
        otel.install();
        Route route = Router.global().route("*", OtelLogSink.create(otel.sdk));
        String traceId;
        String spanId;
        try (Span span = Signals.span("checkout")) {
            traceId = span.traceId();
            spanId = span.spanId();
            Signals.info("inside");
        } finally {
            route.remove();
        }
        LogRecordData inside = otel.logs.getFinishedLogRecordItems().stream()
                .filter(r -> r.getBodyValue().asString().equals("inside")).findFirst().orElseThrow();
        assertEquals(traceId, inside.getSpanContext().getTraceId());
        assertEquals(spanId, inside.getSpanContext().getSpanId());
        assertTrue(inside.getSpanContext().isSampled());
        assertEquals(otel.span("checkout").getSpanId(), inside.getSpanContext().getSpanId());
    }

    @Test
    void fromConfigItUsesTheOpenTelemetrySetUpAtTheTimeOfEachEvent() {
        router.configure("{\"sinks\": {\"otel\": {\"type\": \"otel-logs\", \"instrumentationScope\": \"orders\"}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"otel\"]}]}", "logs.json");
        router.dispatch(Event.builder(ORDER_CREATED).message("before set-up").build());
        assertTrue(otel.logs.getFinishedLogRecordItems().isEmpty(), "nothing to send to yet: the router counts a failure");
        otel.install();
        router.dispatch(Event.builder(ORDER_CREATED).message("after set-up").build());
        LogRecordData r = otel.logs.getFinishedLogRecordItems().stream()
                .filter(l -> l.getBodyValue().asString().equals("after set-up")).findFirst().orElseThrow();
        assertEquals("after set-up", r.getBodyValue().asString());
        assertEquals("orders", r.getInstrumentationScopeInfo().getName());
    }

    @Test
    void withoutOpenTelemetryTheSinkFailsLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OtelLogSink.create().accept(Event.builder(ORDER_CREATED).build()));
        assertTrue(e.getMessage().contains("no OpenTelemetry"), e.getMessage());
    }

    @Test
    void badConfigIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(
                "{\"sinks\": {\"otel\": {\"type\": \"otel-logs\", \"scope\": \"x\"}}}", "logs.json"));
        assertTrue(e.getMessage().contains("logs.json:1:") && e.getMessage().contains("scope"), e.getMessage());
    }
}
