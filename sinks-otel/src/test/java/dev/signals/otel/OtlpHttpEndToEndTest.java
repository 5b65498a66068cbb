package dev.signals.otel;

import static dev.signals.otel.LocalOtlpCollector.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Scope;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Route;
import dev.signals.router.Router;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path: Signals spans and events, the real OTLP/HTTP exporter, and a local endpoint
 * that decodes each request with the official OTLP protobuf classes, as a collector or Jaeger would.
 */
class OtlpHttpEndToEndTest {

    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    private static final Signal CALL_STARTED = Signal.of("SERVICE_CALL_STARTED");
    private static final Signal CALL_COMPLETED = Signal.of("SERVICE_CALL_COMPLETED");

    private LocalOtlpCollector collector;
    private SdkTracerProvider tracerProvider;
    private OpenTelemetrySdk sdk;
    private Route route;

    @BeforeEach
    void start() throws Exception {
        collector = new LocalOtlpCollector();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(collector.endpoint())
                .build();
        tracerProvider = SdkTracerProvider.builder()
                .setResource(io.opentelemetry.sdk.resources.Resource.getDefault().merge(io.opentelemetry.sdk.resources.Resource
                        .create(Attributes.of(AttributeKey.stringKey("service.name"), "order-service"))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
        OtelTracing.install(sdk);
        route = Router.global().route("*", OtelSpanSink.builder()
                .pair(SpanPair.named("inventory_call").start(CALL_STARTED.name()).end(CALL_COMPLETED.name())
                        .correlate("call_id").kind(io.opentelemetry.api.trace.SpanKind.CLIENT).build())
                .build());
    }

    @AfterEach
    void stop() {
        route.remove();
        OtelTracing.uninstall();
        sdk.close();
        collector.close();
    }

    @Test
    void aTraceArrivesAtTheCollectorWithIdsParentsAttributesEventsAndStatus() {
        String header = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String traceId;
        String orderId;
        String chargeId;
        try (Scope remote = Signals.continueTrace(header);
             Span order = Signals.span("place_order", Field.of("order_id", "o-42"), Field.of("items", 3))) {
            traceId = order.traceId();
            orderId = order.spanId();
            Signals.info("order received", Field.of("total", 59.9));
            Signals.emit(CALL_STARTED, "calling inventory", Field.of("call_id", "c-7"));
            Signals.emit(CALL_COMPLETED, "inventory answered", Field.of("call_id", "c-7"), Field.of("reserved", true));
            try (Span charge = Signals.span("charge_card")) {
                chargeId = charge.spanId();
                Signals.emit(PAYMENT_FAILED, "card declined", Field.error(new IllegalStateException("insufficient funds")));
                charge.fail(new IllegalStateException("insufficient funds"));
            }
        }
        CompletableResultCode flushed = tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        assertTrue(flushed.isSuccess(), "the exporter got a 200 from the local collector");

        List<ExportTraceServiceRequest> received = collector.received;
        assertFalse(received.isEmpty());
        assertTrue(collector.contentTypes.stream().allMatch("application/x-protobuf"::equals), collector.contentTypes.toString());
        Map<String, io.opentelemetry.proto.trace.v1.Span> spans = new HashMap<>();
        List<Resource> resources = new ArrayList<>();
        for (ExportTraceServiceRequest request : received) {
            for (ResourceSpans rs : request.getResourceSpansList()) {
                resources.add(rs.getResource());
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    assertEquals(OtelTracing.INSTRUMENTATION_SCOPE, ss.getScope().getName());
                    for (io.opentelemetry.proto.trace.v1.Span s : ss.getSpansList()) {
                        spans.put(s.getName(), s);
                    }
                }
            }
        }
        assertEquals("order-service", attribute(resources.get(0).getAttributesList(), "service.name").getStringValue());
        assertEquals(3, spans.size(), spans.keySet().toString());

        io.opentelemetry.proto.trace.v1.Span order = spans.get("place_order");
        assertEquals(traceId, hex(order.getTraceId()));
        assertEquals("0af7651916cd43dd8448eb211c80319c", traceId, "the trace continues the caller's");
        assertEquals(orderId, hex(order.getSpanId()));
        assertEquals("b7ad6b7169203331", hex(order.getParentSpanId()), "the remote caller is the parent");
        assertEquals("o-42", attribute(order.getAttributesList(), "order_id").getStringValue());
        assertEquals(3, attribute(order.getAttributesList(), "items").getIntValue());
        assertEquals(1, order.getEventsCount(), "pair signals make a span, not events");
        io.opentelemetry.proto.trace.v1.Span.Event info = order.getEvents(0);
        assertEquals("INFO", info.getName());
        assertEquals("order received", attribute(info.getAttributesList(), "message").getStringValue());
        assertEquals(59.9, attribute(info.getAttributesList(), "total").getDoubleValue());
        assertEquals(Status.StatusCode.STATUS_CODE_UNSET, order.getStatus().getCode());

        io.opentelemetry.proto.trace.v1.Span charge = spans.get("charge_card");
        assertEquals(chargeId, hex(charge.getSpanId()));
        assertEquals(orderId, hex(charge.getParentSpanId()));
        assertEquals(traceId, hex(charge.getTraceId()));
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, charge.getStatus().getCode());
        assertEquals("java.lang.IllegalStateException: insufficient funds", charge.getStatus().getMessage());
        assertEquals(2, charge.getEventsCount(), "the emitted error and the span's failure");
        for (io.opentelemetry.proto.trace.v1.Span.Event e : charge.getEventsList()) {
            assertEquals("exception", e.getName());
            assertEquals("insufficient funds", attribute(e.getAttributesList(), "exception.message").getStringValue());
        }
        assertEquals("PAYMENT_FAILED", attribute(charge.getEvents(0).getAttributesList(), "signal").getStringValue());

        io.opentelemetry.proto.trace.v1.Span call = spans.get("inventory_call");
        assertEquals(orderId, hex(call.getParentSpanId()));
        assertEquals(traceId, hex(call.getTraceId()));
        assertEquals(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT, call.getKind());
        assertEquals("c-7", attribute(call.getAttributesList(), "call_id").getStringValue());
        assertTrue(attribute(call.getAttributesList(), "reserved").getBoolValue());
        assertTrue(call.getEndTimeUnixNano() >= call.getStartTimeUnixNano());
    }

    @Test
    void everySpanKindArrivesAtTheCollector() {
        try (Span server = Signals.span(dev.signals.SpanKind.SERVER, "POST /orders")) {
            for (dev.signals.SpanKind kind : dev.signals.SpanKind.values()) {
                try (Span inner = Signals.span(kind, "kind_" + kind)) {
                    Signals.info("inside " + kind);
                }
            }
        }
        CompletableResultCode flushed = tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        assertTrue(flushed.isSuccess(), "the exporter got a 200 from the local collector");

        Map<String, io.opentelemetry.proto.trace.v1.Span> spans = new HashMap<>();
        for (io.opentelemetry.proto.trace.v1.Span s : collector.spans()) {
            spans.put(s.getName(), s);
        }
        assertEquals(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER, spans.get("POST /orders").getKind());
        for (dev.signals.SpanKind kind : dev.signals.SpanKind.values()) {
            io.opentelemetry.proto.trace.v1.Span s = spans.get("kind_" + kind);
            assertEquals("SPAN_KIND_" + kind, s.getKind().name());
            assertEquals(spans.get("POST /orders").getSpanId(), s.getParentSpanId());
            assertEquals(1, s.getEventsCount(), "the otel-spans sink put the event on the span");
        }
    }

    private static AnyValue attribute(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(key)) {
                return kv.getValue();
            }
        }
        throw new AssertionError("no attribute " + key + " in " + attributes);
    }
}
