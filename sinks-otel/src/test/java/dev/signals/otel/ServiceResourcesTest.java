package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.SpanKind;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signals spans of several services in one SDK leave as spans of their own services. */
class ServiceResourcesTest {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> VERSION = AttributeKey.stringKey("service.version");

    private final InMemorySpanExporter memory = InMemorySpanExporter.create();
    private OpenTelemetrySdk sdk;

    @BeforeEach
    void setUp() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .setResource(Resource.create(Attributes.of(SERVICE_NAME, "shop", VERSION, "1.2")))
                        .addSpanProcessor(SimpleSpanProcessor.create(ServiceResources.wrap(memory, "service", service ->
                                service.equals("boom") ? fail() : service.equals("anonymous") ? null : "shop-" + service)))
                        .build())
                .build();
        OtelTracing.install(sdk);
    }

    private static String fail() {
        throw new IllegalStateException("naming failed");
    }

    @AfterEach
    void tearDown() {
        OtelTracing.uninstall();
        sdk.close();
    }

    private SpanData span(String name) {
        return memory.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachSpanIsExportedAsTheServiceItsFieldNames() {
        try (Span call = Signals.span(SpanKind.CLIENT, "call payment", Field.of("service", "order"));
             Span serve = Signals.span(SpanKind.SERVER, "authorize", Field.of("service", "payment"))) {
            Signals.info("inside");
        }
        try (Span again = Signals.span(SpanKind.SERVER, "capture", Field.of("service", "payment"))) {
            Signals.info("inside");
        }
        Resource order = span("call payment").getResource();
        Resource payment = span("authorize").getResource();
        assertEquals("shop-order", order.getAttribute(SERVICE_NAME));
        assertEquals("shop-payment", payment.getAttribute(SERVICE_NAME));
        assertEquals("1.2", payment.getAttribute(VERSION), "the rest of the process's resource is kept");
        assertSame(payment, span("capture").getResource(), "one resource per service, so exporters group by it");
        assertEquals(io.opentelemetry.api.trace.SpanKind.SERVER, span("authorize").getKind());
        assertEquals(span("call payment").getSpanId(), span("authorize").getParentSpanId());
    }

    @Test
    void aSpanWithoutTheFieldOrWithoutANameKeepsTheProcesssResource() {
        try (Span plain = Signals.span("plain");
             Span anonymous = Signals.span("anonymous", Field.of("service", "anonymous"));
             Span boom = Signals.span("boom", Field.of("service", "boom"));
             Span number = Signals.span("number", Field.of("service", 7))) {
            Signals.info("inside");
        }
        for (String name : List.of("plain", "anonymous", "boom", "number")) {
            assertEquals("shop", span(name).getResource().getAttribute(SERVICE_NAME), name);
        }
    }
}
