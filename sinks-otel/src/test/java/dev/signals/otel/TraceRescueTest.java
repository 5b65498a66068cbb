package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Route;
import dev.signals.router.Router;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unsampled traces are kept briefly and exported when an error occurs in them, within bounds, counted. */
class TraceRescueTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final AtomicLong nanos = new AtomicLong();
    private OpenTelemetrySdk sdk;
    private Route route;

    @AfterEach
    void tearDown() {
        if (route != null) {
            route.remove();
        }
        OtelTracing.uninstall();
        if (sdk != null) {
            sdk.close();
        }
    }

    /** An SDK sampling with {@code sampler} through the rescue, exporting to memory, behind Signals spans. */
    private TraceRescue start(Sampler sampler, Function<TraceRescue.Builder, TraceRescue.Builder> settings) {
        TraceRescue rescue = settings.apply(TraceRescue.builder().nanoClock(nanos::get)).build();
        sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .setSampler(rescue.sampler(sampler))
                .addSpanProcessor(rescue.processor(SimpleSpanProcessor.create(exported)))
                .build()).build();
        OtelTracing.install(sdk);
        return rescue;
    }

    private Tracer tracer() {
        return sdk.getTracer("app");
    }

    /** A root span of a new trace with {@code children} ended children; the root is left open. */
    private io.opentelemetry.api.trace.Span traceWithChildren(int children) {
        io.opentelemetry.api.trace.Span root = tracer().spanBuilder("root").setNoParent().startSpan();
        for (int i = 0; i < children; i++) {
            tracer().spanBuilder("child-" + i).setParent(Context.root().with(root)).startSpan().end();
        }
        return root;
    }

    private Map<String, SpanData> exportedByName() {
        return exported.getFinishedSpanItems().stream().collect(Collectors.toMap(SpanData::getName, s -> s));
    }

    @Test
    void aFailedSignalsSpanRescuesItsTraceWithIdsAndParentsIntact() {
        TraceRescue rescue = start(Sampler.alwaysOff(), b -> b);
        String traceId;
        String orderId;
        String chargeId;
        try (Span order = Signals.span("place_order")) {
            traceId = order.traceId();
            orderId = order.spanId();
            try (Span stock = Signals.span("reserve_stock")) {
                // ends well, before any error: kept, not exported
            }
            assertTrue(exported.getFinishedSpanItems().isEmpty(), "nothing leaves before an error");
            try (Span charge = Signals.span("charge_card")) {
                chargeId = charge.spanId();
                charge.fail("card declined");
            }
        }
        try (Span unrelated = Signals.span("healthy_trace")) {
            // another unsampled trace, no error: stays kept
        }

        Map<String, SpanData> spans = exportedByName();
        assertEquals(Set.of("place_order", "reserve_stock", "charge_card"), spans.keySet());
        for (SpanData s : spans.values()) {
            assertEquals(traceId, s.getTraceId());
            assertTrue(s.getSpanContext().isSampled(), "exported spans say sampled");
            assertEquals(true, s.getAttributes().get(AttributeKey.booleanKey(TraceRescue.RESCUED_ATTRIBUTE)));
        }
        assertFalse(spans.get("place_order").getParentSpanContext().isValid(), "the root stays a root");
        assertEquals(orderId, spans.get("reserve_stock").getParentSpanId());
        assertEquals(orderId, spans.get("charge_card").getParentSpanId());
        assertEquals(chargeId, spans.get("charge_card").getSpanId());
        assertEquals(StatusCode.ERROR, spans.get("charge_card").getStatus().getStatusCode());

        TraceRescueStats stats = rescue.stats();
        assertEquals(1, stats.rescuedTraces());
        assertEquals(3, stats.rescuedSpans());
        assertEquals(1, stats.keptSpans(), "the healthy trace waits");
        assertEquals(0, stats.evictedTraces() + stats.overflowedTraces());
    }

    @Test
    void anErrorEventRescuesItsTraceWithoutAnyFailedSpan() {
        TraceRescue rescue = start(Sampler.alwaysOff(), b -> b);
        OtelSpanSink sink = OtelSpanSink.builder().build();
        route = Router.global().route("*", sink);
        try (Span order = Signals.span("place_order")) {
            try (Span stock = Signals.span("reserve_stock")) {
                Signals.info("reserved");
            }
            Signals.error("order could not be saved");
        }
        try (Span other = Signals.span("other")) {
            Signals.warn("a warning rescues nothing");
        }

        Map<String, SpanData> spans = exportedByName();
        assertEquals(Set.of("place_order", "reserve_stock"), spans.keySet());
        assertEquals(1, spans.get("reserve_stock").getEvents().size(), "span events of a recorded span come along");
        assertEquals(StatusCode.UNSET, spans.get("place_order").getStatus().getStatusCode());
        assertEquals(1, rescue.stats().rescuedTraces());
        assertEquals(1, sink.rescueRequests());
    }

    @Test
    void aTraceSampledAnywayIsExportedOnceAndNotCountedAsRescued() {
        TraceRescue rescue = start(Sampler.alwaysOn(), b -> b);
        OtelSpanSink sink = OtelSpanSink.builder().build();
        route = Router.global().route("*", sink);
        try (Span order = Signals.span("place_order")) {
            try (Span charge = Signals.span("charge_card")) {
                Signals.error("card declined");
                charge.fail("card declined");
            }
            Signals.error("order failed");
        }
        List<String> names = exported.getFinishedSpanItems().stream().map(SpanData::getName).collect(Collectors.toList());
        assertEquals(List.of("charge_card", "place_order"), names, "each span exactly once");
        assertEquals(null, exported.getFinishedSpanItems().get(0).getAttributes()
                .get(AttributeKey.booleanKey(TraceRescue.RESCUED_ATTRIBUTE)));
        assertEquals(new TraceRescueStats(0, 0, 0, 0, 0, 0, 0, 0), rescue.stats());
        assertEquals(0, sink.rescueRequests(), "a sampled trace needs no rescue");
    }

    @Test
    void spansKeptPastTheKeepTimeAreEvictedAndCounted() {
        TraceRescue rescue = start(Sampler.alwaysOff(), b -> b.keep(Duration.ofSeconds(1)));
        io.opentelemetry.api.trace.Span early = traceWithChildren(2);
        String earlyTrace = early.getSpanContext().getTraceId();
        assertEquals(2, rescue.stats().keptSpans());

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        traceWithChildren(1); // any span activity checks the keep time

        TraceRescueStats stats = rescue.stats();
        assertEquals(1, stats.evictedTraces());
        assertEquals(2, stats.evictedSpans());
        assertEquals(1, stats.keptSpans(), "only the young trace's child");
        RescueTriggers.errorIn(earlyTrace);
        early.end();
        assertEquals(List.of(early.getSpanContext().getSpanId()), exported.getFinishedSpanItems().stream()
                .map(SpanData::getSpanId).collect(Collectors.toList()), "an error later rescues only what had not ended");
        assertEquals(1, rescue.stats().rescuedTraces());
        assertEquals(1, rescue.stats().rescuedSpans());
    }

    @Test
    void aTraceKeepsAtMostMaxSpansPerTraceAndCountsTheRest() {
        TraceRescue rescue = start(Sampler.alwaysOff(), b -> b.maxSpansPerTrace(3));
        io.opentelemetry.api.trace.Span root = traceWithChildren(5);
        root.setStatus(StatusCode.ERROR);
        root.end();

        assertEquals(4, exported.getFinishedSpanItems().size(), "3 kept children and the failed root itself");
        TraceRescueStats stats = rescue.stats();
        assertEquals(1, stats.overflowedTraces());
        assertEquals(2, stats.overflowedSpans());
        assertEquals(1, stats.rescuedTraces());
        assertEquals(4, stats.rescuedSpans());
        assertEquals(0, stats.keptSpans());
    }

    @Test
    void pastMaxSpansTheLeastRecentlyActiveTraceMakesRoomAndIsCounted() {
        TraceRescue rescue = start(Sampler.alwaysOff(), b -> b.maxSpans(4));
        io.opentelemetry.api.trace.Span older = traceWithChildren(3);
        io.opentelemetry.api.trace.Span newer = traceWithChildren(2); // the 5th span pushes the older trace out

        TraceRescueStats stats = rescue.stats();
        assertEquals(1, stats.overflowedTraces());
        assertEquals(3, stats.overflowedSpans());
        assertEquals(2, stats.keptSpans());
        RescueTriggers.errorIn(older.getSpanContext().getTraceId());
        assertTrue(exported.getFinishedSpanItems().isEmpty(), "its kept spans are gone");
        RescueTriggers.errorIn(newer.getSpanContext().getTraceId());
        assertEquals(2, exported.getFinishedSpanItems().size());
        assertEquals(2, rescue.stats().rescuedTraces());
    }

    @Test
    void pastMaxTracesTheLeastRecentlyActiveTraceIsDroppedAndCounted() {
        TraceRescue rescue = start(Sampler.alwaysOff(), b -> b.maxTraces(2));
        traceWithChildren(1);
        traceWithChildren(1);
        traceWithChildren(1);
        TraceRescueStats stats = rescue.stats();
        assertEquals(2, stats.trackedTraces());
        assertEquals(1, stats.overflowedTraces());
        assertEquals(1, stats.overflowedSpans());
        assertEquals(2, stats.keptSpans());
    }

    @Test
    void configChoosesTheSeverityThatRescuesOrTurnsRescueOff() {
        TraceRescue rescue = start(Sampler.alwaysOff(), b -> b);
        io.opentelemetry.api.trace.Span first = traceWithChildren(1);
        io.opentelemetry.api.trace.Span second = traceWithChildren(1);
        Router router = new Router();
        try {
            router.configure("{\"sinks\": {\"jaeger\": {\"type\": \"otel-spans\", \"rescueMinSeverity\": \"WARN\"}},"
                    + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"jaeger\"]}]}", "warn.json");
            dispatchIn(router, first, Signal.of("STOCK_LOW", Severity.WARN));
            assertEquals(1, exported.getFinishedSpanItems().size());

            router.configure("{\"sinks\": {\"jaeger\": {\"type\": \"otel-spans\", \"rescue\": false}},"
                    + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"jaeger\"]}]}", "off.json");
            dispatchIn(router, second, Signal.of("PAYMENT_FAILED", Severity.FATAL));
            assertEquals(1, exported.getFinishedSpanItems().size(), "rescue is off");
            assertEquals(1, rescue.stats().rescuedTraces());
        } finally {
            router.close();
        }
    }

    /** Dispatches an event emitted inside {@code span}, current on this thread as the OpenTelemetry API makes it. */
    private static void dispatchIn(Router router, io.opentelemetry.api.trace.Span span, Signal signal) {
        try (io.opentelemetry.context.Scope current = span.makeCurrent()) {
            router.dispatch(Event.builder(signal)
                    .trace(span.getSpanContext().getTraceId(), span.getSpanContext().getSpanId()).build());
        }
    }
}
