package dev.signals.example.orders.tracing;

import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Says which exporter the SDK's autoconfigure module made and where it sends spans, from the
 * same settings and defaults it used, for the summary.
 */
final class Exporters {

    static final String OTLP_HTTP_DEFAULT = "http://localhost:4318";
    static final String OTLP_GRPC_DEFAULT = "http://localhost:4317";
    static final String ZIPKIN_DEFAULT = "http://localhost:9411/api/v2/spans";

    private Exporters() {
    }

    /** For example {@code otlp (http/protobuf) to http://localhost:4318/v1/traces}. */
    static String describe(SpanExporter exporter, ConfigProperties config) {
        if (exporter instanceof OtlpHttpSpanExporter) {
            String traces = config.getString("otel.exporter.otlp.traces.endpoint");
            String endpoint = traces != null ? traces
                    : withPath(config.getString("otel.exporter.otlp.endpoint", OTLP_HTTP_DEFAULT), "v1/traces");
            return "otlp (http/protobuf) to " + endpoint;
        }
        if (exporter instanceof OtlpGrpcSpanExporter) {
            String traces = config.getString("otel.exporter.otlp.traces.endpoint");
            return "otlp (grpc) to " + (traces != null ? traces : config.getString("otel.exporter.otlp.endpoint", OTLP_GRPC_DEFAULT));
        }
        if (exporter instanceof ZipkinSpanExporter) {
            return "zipkin to " + config.getString("otel.exporter.zipkin.endpoint", ZIPKIN_DEFAULT);
        }
        if (exporter instanceof LoggingSpanExporter) {
            return "console (one line per span through java.util.logging, on stderr)";
        }
        return exporter.getClass().getSimpleName();
    }

    /** The base endpoint with the signal's path appended, as the OTLP/HTTP exporter does. */
    private static String withPath(String base, String path) {
        return base + (base.endsWith("/") ? "" : "/") + path;
    }
}
