package dev.signals.otel;

import static dev.signals.otel.LocalOtlpCollector.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Route;
import dev.signals.router.Router;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Head sampling keeps 1% of traces; the failing ones arrive anyway, whole, through the real
 * OTLP/HTTP exporter at a local endpoint decoding the official OTLP protobuf classes.
 */
class RescueOtlpEndToEndTest {

    private static final int TRACES = 1_000;
    private static final int FAILING = 10;
    private static final List<String> SPAN_NAMES = List.of("place_order", "reserve_stock", "charge_card", "call_bank");

    private LocalOtlpCollector collector;
    private SdkTracerProvider tracerProvider;
    private OpenTelemetrySdk sdk;
    private TraceRescue rescue;
    private Route route;

    @BeforeEach
    void start() throws Exception {
        collector = new LocalOtlpCollector();
        rescue = TraceRescue.builder().build();
        tracerProvider = SdkTracerProvider.builder()
                .setSampler(rescue.sampler(Sampler.parentBased(Sampler.traceIdRatioBased(0.01))))
                .addSpanProcessor(rescue.processor(BatchSpanProcessor.builder(
                        OtlpHttpSpanExporter.builder().setEndpoint(collector.endpoint()).build()).build()))
                .build();
        sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
        OtelTracing.install(sdk);
        route = Router.global().route("*", OtelSpanSink.builder().build());
    }

    @AfterEach
    void stop() {
        route.remove();
        OtelTracing.uninstall();
        sdk.close();
        collector.close();
    }

    @Test
    void everyFailingTraceArrivesWholeAtOnePercentSampling() {
        Set<String> sampled = new HashSet<>();
        Set<String> failing = new HashSet<>();
        for (int i = 0; i < TRACES; i++) {
            // Ten failures spread over the run, each in a trace head sampling dropped (a sampled one proves nothing).
            boolean fail;
            try (Span order = Signals.span("place_order")) {
                boolean headSampled = order.context().sampled();
                fail = !headSampled && failing.size() < FAILING && i >= failing.size() * (TRACES / FAILING) + 50;
                if (headSampled) {
                    sampled.add(order.traceId());
                }
                if (fail) {
                    failing.add(order.traceId());
                }
                try (Span stock = Signals.span("reserve_stock")) {
                    Signals.info("reserved");
                }
                try (Span charge = Signals.span("charge_card")) {
                    try (Span bank = Signals.span("call_bank")) {
                        Signals.debug("bank answered");
                    }
                    if (fail && failing.size() % 2 == 0) {
                        charge.fail("card declined");                 // a failed span
                    } else if (fail) {
                        Signals.error("payment could not be recorded"); // an ERROR event, no failed span
                    }
                }
            }
        }
        assertEquals(FAILING, failing.size());
        assertTrue(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess());

        Map<String, List<io.opentelemetry.proto.trace.v1.Span>> byTrace = collector.spans().stream()
                .collect(Collectors.groupingBy(s -> hex(s.getTraceId())));
        Set<String> expected = new HashSet<>(sampled);
        expected.addAll(failing);
        assertEquals(expected, byTrace.keySet(), "the sampled traces and the failing ones, nothing else");
        for (String traceId : failing) {
            List<io.opentelemetry.proto.trace.v1.Span> spans = byTrace.get(traceId);
            Map<String, io.opentelemetry.proto.trace.v1.Span> byName = new HashMap<>();
            for (io.opentelemetry.proto.trace.v1.Span s : spans) {
                assertTrue(rescued(s), "marked rescued: " + s.getName());
                assertEquals(1, s.getFlags() & 0x1, "the exported span says sampled");
                byName.put(s.getName(), s);
            }
            assertEquals(SPAN_NAMES.size(), spans.size(), "each span once: " + byName.keySet());
            assertEquals(Set.copyOf(SPAN_NAMES), byName.keySet());
            assertTrue(byName.get("place_order").getParentSpanId().isEmpty(), "the root stays a root");
            assertEquals(byName.get("place_order").getSpanId(), byName.get("reserve_stock").getParentSpanId());
            assertEquals(byName.get("place_order").getSpanId(), byName.get("charge_card").getParentSpanId());
            assertEquals(byName.get("charge_card").getSpanId(), byName.get("call_bank").getParentSpanId());
            assertEquals(1, byName.get("reserve_stock").getEventsCount(), "span events come along");
        }
        long failedSpans = failing.stream().map(byTrace::get).flatMap(List::stream)
                .filter(s -> s.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR).count();
        assertEquals(FAILING / 2, failedSpans, "half failed a span, half only emitted an ERROR event");
        for (String traceId : sampled) {
            assertEquals(SPAN_NAMES.size(), byTrace.get(traceId).size());
            assertTrue(byTrace.get(traceId).stream().noneMatch(RescueOtlpEndToEndTest::rescued));
        }

        TraceRescueStats stats = rescue.stats();
        assertEquals(FAILING, stats.rescuedTraces());
        assertEquals(FAILING * SPAN_NAMES.size(), stats.rescuedSpans());
        assertEquals(0, stats.overflowedTraces());
        assertEquals((long) (TRACES - sampled.size() - FAILING) * SPAN_NAMES.size(),
                stats.keptSpans() + stats.evictedSpans(), "every healthy unsampled span is kept or evicted, never sent");
    }

    private static boolean rescued(io.opentelemetry.proto.trace.v1.Span span) {
        for (KeyValue kv : span.getAttributesList()) {
            if (kv.getKey().equals(TraceRescue.RESCUED_ATTRIBUTE)) {
                return kv.getValue().getBoolValue();
            }
        }
        return false;
    }
}
