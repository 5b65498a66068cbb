package dev.signals.example.orders.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the standard OpenTelemetry variables make of the example's tracing, and what the summary says of it. */
class TracingTest {

    @AfterEach
    void forgetTheGlobalInstance() {
        GlobalOpenTelemetry.resetForTest();
    }

    private static Tracing start(Map<String, String> env) {
        return Tracing.start("svc", false, env);
    }

    @Test
    void withNothingSetSpansStayLocal() {
        try (Tracing tracing = start(Map.of())) {
            assertEquals(Tracing.Mode.LOCAL, tracing.mode());
            assertEquals(0, tracing.spansExported());
            assertTrue(tracing.describe().startsWith("local: "), tracing.describe());
            assertEquals(false, GlobalOpenTelemetry.isSet(), "no SDK was built");
        }
    }

    @Test
    void noneAndADisabledSdkExportNothing() {
        try (Tracing tracing = start(Map.of("OTEL_TRACES_EXPORTER", "none",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1"))) {
            assertEquals(Tracing.Mode.NONE, tracing.mode());
            assertEquals("none: OTEL_TRACES_EXPORTER=none, spans are not exported", tracing.describe());
        }
        try (Tracing tracing = start(Map.of("OTEL_SDK_DISABLED", "true", "OTEL_TRACES_EXPORTER", "otlp"))) {
            assertEquals(Tracing.Mode.NONE, tracing.mode());
            assertEquals("none: OTEL_SDK_DISABLED=true, spans are not exported", tracing.describe());
        }
        assertEquals(false, GlobalOpenTelemetry.isSet(), "no SDK was built");
    }

    @Test
    void theExporterAndEndpointInUseAreDescribed() {
        try (Tracing tracing = start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"))) {
            assertEquals(Tracing.Mode.EXPORT, tracing.mode());
            assertTrue(GlobalOpenTelemetry.isSet(), "registered for the sinks-otel bridge");
            assertEquals("otlp (http/protobuf) to http://collector:4318/v1/traces: 0 spans exported, 0 failed; as svc",
                    tracing.describe());
        }
        GlobalOpenTelemetry.resetForTest();
        try (Tracing tracing = start(Map.of("OTEL_TRACES_EXPORTER", "otlp,console", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                "OTEL_SERVICE_NAME", "shop"))) {
            assertEquals("console (one line per span through java.util.logging, on stderr): 0 spans exported, 0 failed;"
                    + " otlp (grpc) to http://localhost:4317: 0 spans exported, 0 failed; as shop", tracing.describe());
        }
        GlobalOpenTelemetry.resetForTest();
        try (Tracing tracing = start(Map.of("OTEL_TRACES_EXPORTER", "zipkin"))) {
            assertEquals("zipkin to http://localhost:9411/api/v2/spans: 0 spans exported, 0 failed; as svc",
                    tracing.describe());
        }
    }

    @Test
    void anExporterTheSdkDoesNotKnowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(Map.of("OTEL_TRACES_EXPORTER", "jaeger")));
        assertTrue(e.getMessage().contains("jaeger"), e.getMessage());
        assertEquals(false, GlobalOpenTelemetry.isSet());
    }

    @Test
    void anOpenTelemetryRegisteredBeforeTheExampleIsTheOneInUse() {
        GlobalOpenTelemetry.set(OpenTelemetry.noop());
        try (Tracing tracing = start(Map.of("OTEL_TRACES_EXPORTER", "zipkin"))) {
            assertEquals(Tracing.Mode.EXTERNAL, tracing.mode());
            assertTrue(tracing.describe().startsWith("exported by the OpenTelemetry registered in this JVM before the"
                    + " example started (the Java agent?), as it reads OTEL_TRACES_EXPORTER (zipkin)"), tracing.describe());
        }
    }
}
