package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans made from start/end signal pairs, for code that does not use the span API. */
class PairSpansTest {

    private static final Signal STARTED = Signal.of("SERVICE_CALL_STARTED");
    private static final Signal COMPLETED = Signal.of("SERVICE_CALL_COMPLETED");
    private static final Signal FAILED = Signal.of("SERVICE_CALL_FAILED", Severity.ERROR);
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";
    private static final String PAIRS = "{\"sinks\": {\"jaeger\": {\"type\": \"otel-spans\", \"pairs\": {"
            + "\"service_call\": {\"start\": \"SERVICE_CALL_STARTED\", \"end\": [\"SERVICE_CALL_COMPLETED\"],"
            + " \"failure\": [\"SERVICE_CALL_FAILED\"], \"correlate\": \"call_id\", \"kind\": \"CLIENT\"}}}},"
            + " \"routes\": [{\"signals\": [\"SERVICE_CALL_*\"], \"sinks\": [\"jaeger\"]}]}";

    private TestOtel otel;
    private Router router;

    @BeforeEach
    void setUp() {
        otel = new TestOtel().install();
        router = new Router();
    }

    @AfterEach
    void tearDown() {
        router.close();
        otel.close();
    }

    private static Event event(Signal signal, String time, Field... fields) {
        return Event.builder(signal).timestamp(Instant.parse(time)).trace(TRACE, PARENT).fields(fields).build();
    }

    @Test
    void aStartAndItsEndMakeASpanWithTheEventsTimes() {
        router.configure(PAIRS, "pairs.json");
        router.dispatch(event(STARTED, "2026-11-23T10:00:00.000100Z", Field.of("call_id", "c-1"),
                Field.of("service", "inventory"), Field.of("attempt", 1)));
        router.dispatch(event(COMPLETED, "2026-11-23T10:00:00.250300Z", Field.of("call_id", "c-1"),
                Field.of("attempt", 2), Field.of("status_code", 200)));
        SpanData span = otel.span("service_call");
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals(Instant.parse("2026-11-23T10:00:00.000100Z").toEpochMilli() * 1_000_000L + 100_000L, span.getStartEpochNanos());
        assertEquals(250_200_000L, span.getEndEpochNanos() - span.getStartEpochNanos());
        assertEquals(TRACE, span.getTraceId());
        assertEquals(PARENT, span.getParentSpanId(), "a child of the span the start was emitted in");
        assertEquals("c-1", span.getAttributes().get(AttributeKey.stringKey("call_id")));
        assertEquals("inventory", span.getAttributes().get(AttributeKey.stringKey("service")));
        assertEquals(2L, span.getAttributes().get(AttributeKey.longKey("attempt")), "the end's value wins");
        assertEquals(200L, span.getAttributes().get(AttributeKey.longKey("status_code")));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    }

    @Test
    void aFailureSignalEndsTheSpanWithError() {
        router.configure(PAIRS, "pairs.json");
        router.dispatch(event(STARTED, "2026-11-23T10:00:01Z", Field.of("call_id", 42)));
        router.dispatch(Event.builder(FAILED).message("inventory timed out").timestamp(Instant.parse("2026-11-23T10:00:02Z"))
                .trace(TRACE, PARENT).fields(Field.of("call_id", 42), Field.error(new java.net.SocketTimeoutException("read timed out")))
                .build());
        SpanData span = otel.span("service_call");
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("inventory timed out", span.getStatus().getDescription());
        assertEquals("exception", span.getEvents().get(0).getName());
        assertEquals("java.net.SocketTimeoutException",
                span.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.type")));
        assertEquals(1_000_000_000L, span.getEndEpochNanos() - span.getStartEpochNanos());
    }

    @Test
    void startsInsideASignalsSpanMakeItsChildrenAndRootsOtherwise() {
        OtelSpanSink sink = OtelSpanSink.builder().pair(SpanPair.named("service_call").start(STARTED.name())
                .end(COMPLETED.name()).correlate("call_id").build()).build();
        Route route = Router.global().route("SERVICE_CALL_*", sink);
        String parent;
        try (Span span = Signals.span("checkout")) {
            parent = span.spanId();
            Signals.emit(STARTED, "calling", Field.of("call_id", "in-span"));
        }
        Signals.emit(COMPLETED, "done", Field.of("call_id", "in-span"));
        Signals.emit(STARTED, "calling", Field.of("call_id", "root"));
        Signals.emit(COMPLETED, "done", Field.of("call_id", "root"));
        route.remove();
        SpanData checkout = otel.span("checkout");
        SpanData[] calls = otel.spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("service_call")).toArray(SpanData[]::new);
        assertEquals(2, calls.length);
        assertEquals(parent, calls[0].getParentSpanId());
        assertEquals(checkout.getTraceId(), calls[0].getTraceId());
        assertTrue(calls[0].getParentSpanContext().isSampled());
        assertFalse(calls[1].getParentSpanContext().isValid(), "a start outside any span makes a root");
        assertEquals(2, sink.pairSpans());
    }

    @Test
    void unmatchedStartsAreBoundedAndCounted() {
        OtelSpanSink sink = OtelSpanSink.builder().maxOpenPairs(2).pair(SpanPair.named("call").start(STARTED.name())
                .end(COMPLETED.name()).failure(FAILED.name()).correlate("call_id").build()).build();
        router.route("*", sink);
        for (int i = 1; i <= 3; i++) {
            router.dispatch(event(STARTED, "2026-11-23T10:00:0" + i + "Z", Field.of("call_id", i)));
        }
        assertEquals(2, sink.openPairs());
        assertEquals(1, sink.evictedStarts());
        router.dispatch(event(COMPLETED, "2026-11-23T10:00:05Z", Field.of("call_id", 1)));
        assertEquals(1, sink.unmatchedEnds(), "the evicted start's end finds nothing");
        router.dispatch(event(COMPLETED, "2026-11-23T10:00:05Z", Field.of("call_id", 3)));
        router.dispatch(event(STARTED, "2026-11-23T10:00:06Z"));
        assertEquals(1, sink.uncorrelatedSignals());
        router.dispatch(event(STARTED, "2026-11-23T10:00:07Z", Field.of("call_id", 2)));
        assertEquals(2, sink.evictedStarts(), "a start replacing one with the same key evicts it");
        assertEquals(1, sink.openPairs());
        assertEquals(1, sink.pairSpans());
        assertEquals(1, otel.spans.getFinishedSpanItems().size());
    }

    @Test
    void badPairConfigIsRefusedWithItsLocation() {
        String[][] cases = {
            {"\"pairs\": {\"c\": {\"start\": \"A\", \"end\": [\"B\"], \"correlate\": \"id\", \"colour\": 1}}", "colour"},
            {"\"pairs\": {\"c\": {\"start\": \"A\", \"end\": [\"B\"]}}", "correlate"},
            {"\"pairs\": {\"c\": {\"start\": \"not valid!\", \"end\": [\"B\"], \"correlate\": \"id\"}}", "invalid signal name"},
            {"\"pairs\": {\"c\": {\"start\": \"A\", \"correlate\": \"id\"}}", "at least one end or failure"},
            {"\"pairs\": {\"c\": {\"start\": \"A\", \"end\": \"B\", \"correlate\": \"id\"}}", "array"},
            {"\"pairs\": {\"c\": {\"start\": \"A\", \"end\": [\"B\"], \"correlate\": \"id\", \"kind\": \"SIDEWAYS\"}}", "SIDEWAYS"},
            {"\"pairs\": {\"c\": {\"start\": \"A\", \"end\": [\"B\"], \"correlate\": \"id\"},"
                + " \"d\": {\"start\": \"B\", \"end\": [\"C\"], \"correlate\": \"id\"}}", "already used as c.end"},
            {"\"pairs\": {\"c\": {\"start\": \"A\", \"end\": [\"B\"], \"failure\": [\"B\"], \"correlate\": \"id\"}}", "already used"},
            {"\"pairs\": [\"c\"]", "object"},
            {"\"maxEventsPerSpan\": 10, \"reservedForWarnings\": 11", "reservedForWarnings"},
            {"\"maxEventsPerSpan\": 0", "maxEventsPerSpan"},
            {"\"maxOpenPairs\": -1", "maxOpenPairs"},
            {"\"eventMinSeverity\": \"LOUD\"", "LOUD"},
            {"\"spanEvent\": true", "spanEvent"},
        };
        for (String[] c : cases) {
            String json = "{\"sinks\": {\"jaeger\": {\"type\": \"otel-spans\",\n " + c[0] + "}}}";
            ConfigException e = assertThrows(ConfigException.class, () -> router.configure(json, "spans.json"), c[0]);
            assertTrue(e.getMessage().contains("spans.json") && e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(":2:"), "located on line 2: " + e.getMessage());
        }
    }

    @Test
    void pairsInCodeAreCheckedToo() {
        assertThrows(IllegalArgumentException.class, () -> SpanPair.named("x").start("A").correlate("id").build());
        assertThrows(IllegalArgumentException.class, () -> SpanPair.named("x").start("A").end("A").correlate("id").build());
        assertThrows(IllegalArgumentException.class, () -> SpanPair.named("x").start("A").end("B").build());
        SpanPair one = SpanPair.named("x").start("A").end("B").correlate("id").build();
        SpanPair two = SpanPair.named("y").start("C").end("B").correlate("id").build();
        assertThrows(IllegalArgumentException.class, () -> OtelSpanSink.builder().pair(one).pair(two).build());
    }
}
