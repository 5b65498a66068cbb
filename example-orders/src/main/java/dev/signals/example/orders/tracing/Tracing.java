package dev.signals.example.orders.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the example's spans leave the process: the seam between the example and OpenTelemetry.
 *
 * <ul>
 *   <li><b>OTLP</b>, when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set (see {@link ExportSettings}):
 *       an OpenTelemetry SDK with a batch span processor and the OTLP exporter is built and
 *       registered as {@link GlobalOpenTelemetry}, where the {@code sinks-otel} trace bridge
 *       finds it and makes every Signals span (client and server spans of every call, the
 *       load generator's {@code place_order}) a span of this SDK, exported to Jaeger or any
 *       OTLP collector.</li>
 *   <li><b>local</b> otherwise: no SDK; spans keep Signals' own W3C ids, still propagate in
 *       {@code traceparent}, and are recorded as {@code SPAN_STARTED}/{@code SPAN_ENDED} events
 *       (DEBUG) in whatever sinks the config routes them to.</li>
 * </ul>
 *
 * Start it before the first span, close it after the last (it flushes the exporter).
 */
public final class Tracing implements AutoCloseable {

    /** Where spans go. */
    public enum Mode { LOCAL, OTLP }

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final Mode mode;
    private final ExportSettings settings;
    private final SdkTracerProvider provider;
    private final CountingSpanExporter exporter;
    private final String problem;

    private Tracing(Mode mode, ExportSettings settings, SdkTracerProvider provider, CountingSpanExporter exporter,
                    String problem) {
        this.mode = mode;
        this.settings = settings;
        this.provider = provider;
        this.exporter = exporter;
        this.problem = problem;
    }

    /** Configures tracing from the process environment. */
    public static Tracing start(String serviceName) {
        return start(serviceName, System.getenv());
    }

    /**
     * Configures tracing from {@code env}.
     *
     * @throws IllegalArgumentException for an unsupported OTLP protocol
     */
    public static Tracing start(String serviceName, Map<String, String> env) {
        ExportSettings settings = ExportSettings.from(env, serviceName);
        if (settings == null) {
            return new Tracing(Mode.LOCAL, null, null, null, null);
        }
        if (GlobalOpenTelemetry.isSet()) {
            return new Tracing(Mode.LOCAL, settings, null, null,
                    "an OpenTelemetry instance was already registered (a Java agent?): it exports the spans, not this example");
        }
        CountingSpanExporter exporter = new CountingSpanExporter(exporter(settings));
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName()))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        GlobalOpenTelemetry.set(sdk);
        return new Tracing(Mode.OTLP, settings, provider, exporter, null);
    }

    private static SpanExporter exporter(ExportSettings settings) {
        if (settings.protocol().equals(ExportSettings.GRPC)) {
            OtlpGrpcSpanExporterBuilder b = OtlpGrpcSpanExporter.builder().setEndpoint(settings.endpoint());
            settings.headers().forEach(b::addHeader);
            return b.build();
        }
        OtlpHttpSpanExporterBuilder b = OtlpHttpSpanExporter.builder().setEndpoint(settings.endpoint());
        settings.headers().forEach(b::addHeader);
        return b.build();
    }

    public Mode mode() {
        return mode;
    }

    /** Spans the exporter sent successfully so far (0 in local mode). */
    public long spansExported() {
        return exporter == null ? 0 : exporter.exported();
    }

    /** One line for the summary: where spans went. */
    public String describe() {
        if (mode == Mode.OTLP) {
            return "OTLP " + settings.protocol() + " to " + settings.endpoint() + " as service '" + settings.serviceName()
                    + "': " + exporter.exported() + " spans exported, " + exporter.failed() + " failed";
        }
        if (problem != null) {
            return "not exported by the example: " + problem;
        }
        return "local: spans are SPAN_STARTED/SPAN_ENDED events; set OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318"
                + " to send them to Jaeger";
    }

    /** Exports the spans still buffered (waiting up to 3 s) and shuts the SDK down (up to 2 s more). */
    @Override
    public void close() {
        if (provider != null) {
            provider.forceFlush().join(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            provider.shutdown().join(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
