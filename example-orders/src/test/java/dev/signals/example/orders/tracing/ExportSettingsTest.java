package dev.signals.example.orders.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportSettingsTest {

    @Test
    void noEndpointMeansLocal() {
        assertNull(ExportSettings.from(Map.of(), "svc"));
        assertNull(ExportSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318",
                "OTEL_SDK_DISABLED", "true"), "svc"));
    }

    @Test
    void httpAppendsTheTracesPathToTheBaseEndpoint() {
        ExportSettings s = ExportSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"), "svc");
        assertEquals("http://localhost:4318/v1/traces", s.endpoint());
        assertEquals(ExportSettings.HTTP, s.protocol());
        assertEquals("svc", s.serviceName());
        assertEquals("http://collector:4318/v1/traces", ExportSettings.from(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"), "svc").endpoint());
    }

    @Test
    void grpcAndTheTracesEndpointAreUsedAsTheyAre() {
        assertEquals("http://localhost:4317", ExportSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"), "svc").endpoint());
        assertEquals("http://x:9999/custom", ExportSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:1",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://x:9999/custom"), "svc").endpoint());
    }

    @Test
    void headersAndServiceNameComeFromTheEnvironment() {
        ExportSettings s = ExportSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=a%20b, tenant=t1", "OTEL_SERVICE_NAME", "shop"), "svc");
        assertEquals(Map.of("api-key", "a b", "tenant", "t1"), s.headers());
        assertEquals("shop", s.serviceName());
    }

    @Test
    void anUnsupportedProtocolIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExportSettings.from(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"), "svc"));
    }

    @Test
    void withoutAnEndpointTracingStaysLocal() {
        try (Tracing tracing = Tracing.start("svc", Map.of())) {
            assertEquals(Tracing.Mode.LOCAL, tracing.mode());
            assertEquals(0, tracing.spansExported());
        }
    }
}
