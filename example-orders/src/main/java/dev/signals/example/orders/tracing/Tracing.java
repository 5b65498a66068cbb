package dev.signals.example.orders.tracing;

import dev.signals.otel.ServiceResources;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the example's spans leave the process: the seam between the example and OpenTelemetry.
 * It honours the standard OpenTelemetry environment, read by the SDK's own autoconfigure module
 * ({@code OTEL_TRACES_EXPORTER}, {@code OTEL_EXPORTER_OTLP_*}, {@code OTEL_EXPORTER_ZIPKIN_ENDPOINT},
 * {@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}, {@code OTEL_TRACES_SAMPLER}…, or the
 * same as {@code -Dotel.*} system properties):
 *
 * <ul>
 *   <li><b>export</b>, when {@code OTEL_TRACES_EXPORTER} names exporters ({@code otlp},
 *       {@code zipkin}, {@code console} or {@code logging}) or an OTLP endpoint is set: the SDK is
 *       built and registered as {@link GlobalOpenTelemetry}, where the {@code sinks-otel} trace
 *       bridge finds it and makes every Signals span a span of it. When several services run in
 *       this JVM, each span leaves as its own service's ({@link ServiceResources}, by the span's
 *       {@code service} field): {@code <service.name>-order}, {@code <service.name>-payment}…</li>
 *   <li><b>external</b>: an OpenTelemetry was registered before the example started (the Java
 *       agent): it exports the spans, configured by the same variables; the example builds none.</li>
 *   <li><b>none</b>: {@code OTEL_TRACES_EXPORTER=none} or {@code OTEL_SDK_DISABLED=true}.</li>
 *   <li><b>local</b> otherwise: no SDK; spans keep Signals' own W3C ids, still propagate in
 *       {@code traceparent}, and are recorded as {@code SPAN_STARTED}/{@code SPAN_ENDED} events
 *       (DEBUG) in whatever sinks the config routes them to.</li>
 * </ul>
 *
 * Start it before the first span, close it after the last (it flushes the exporters).
 */
public final class Tracing implements AutoCloseable {

    /** Where spans go. */
    public enum Mode { LOCAL, NONE, EXPORT, EXTERNAL }

    /** The span field that names the service a span belongs to. */
    public static final String SERVICE_FIELD = "service";

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final Mode mode;
    private final String detail;
    private final SdkTracerProvider provider;
    private final List<Export> exports;
    private final String serviceNames;

    private Tracing(Mode mode, String detail, SdkTracerProvider provider, List<Export> exports, String serviceNames) {
        this.mode = mode;
        this.detail = detail;
        this.provider = provider;
        this.exports = exports;
        this.serviceNames = serviceNames;
    }

    /** One exporter autoconfigure made, what it is, and its counts. */
    private record Export(String description, CountingSpanExporter counter) {
    }

    /**
     * Configures tracing from the process's system properties and environment.
     *
     * @param serviceName the {@code service.name} when neither {@code OTEL_SERVICE_NAME} nor
     *     {@code OTEL_RESOURCE_ATTRIBUTES} names one
     * @param severalServices several services run in this JVM: each span is exported as the
     *     service its {@code service} field names, {@code <service.name>-<field>}
     * @throws IllegalArgumentException when the OpenTelemetry settings are refused (an unknown exporter)
     */
    public static Tracing start(String serviceName, boolean severalServices) {
        return start(serviceName, severalServices, new OtelEnvironment(System.getenv()), Map.of());
    }

    /**
     * As {@link #start(String, boolean)}, with the {@code OTEL_*} variables of {@code env} taking
     * the place of the process's own (system properties still come first).
     */
    public static Tracing start(String serviceName, boolean severalServices, Map<String, String> env) {
        OtelEnvironment environment = new OtelEnvironment(env);
        return start(serviceName, severalServices, environment, environment.asProperties());
    }

    private static Tracing start(String serviceName, boolean severalServices, OtelEnvironment env,
                                 Map<String, String> overrides) {
        if (GlobalOpenTelemetry.isSet()) {
            String exporter = env.get("OTEL_TRACES_EXPORTER");
            return new Tracing(Mode.EXTERNAL, "exported by the OpenTelemetry registered in this JVM before the example started"
                    + " (the Java agent?), as it reads OTEL_TRACES_EXPORTER (" + (exporter == null ? "not set: otlp" : exporter)
                    + ") and the other OTEL_* variables; the example built no SDK", null, List.of(), null);
        }
        if (env.sdkDisabled()) {
            return new Tracing(Mode.NONE, "none: OTEL_SDK_DISABLED=true, spans are not exported", null, List.of(), null);
        }
        List<String> exporters = env.tracesExporters();
        if (exporters.equals(List.of("none"))) {
            return new Tracing(Mode.NONE, "none: OTEL_TRACES_EXPORTER=none, spans are not exported", null, List.of(), null);
        }
        if (exporters.isEmpty() && !env.otlpEndpointSet()) {
            return new Tracing(Mode.LOCAL, "local: spans are SPAN_STARTED/SPAN_ENDED events; set OTEL_TRACES_EXPORTER"
                    + " (otlp, zipkin, console) or OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 to export them",
                    null, List.of(), null);
        }
        return export(serviceName, severalServices, overrides);
    }

    private static Tracing export(String serviceName, boolean severalServices, Map<String, String> overrides) {
        AtomicReference<String> processName = new AtomicReference<>(serviceName);
        List<Export> exports = new ArrayList<>();
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    // Traces only, unless the environment asks for more; OTLP over HTTP (port 4318) as the
                    // specification and the Java agent default to (the SDK alone would take gRPC).
                    .addPropertiesSupplier(() -> Map.of("otel.metrics.exporter", "none", "otel.logs.exporter", "none",
                            "otel.exporter.otlp.protocol", "http/protobuf"))
                    .addPropertiesCustomizer(config -> overrides)
                    .addResourceCustomizer((resource, config) -> named(resource, serviceName, processName))
                    .addSpanExporterCustomizer((exporter, config) -> {
                        SpanExporter sent = severalServices
                                ? ServiceResources.wrap(exporter, SERVICE_FIELD, service -> processName.get() + "-" + service)
                                : exporter;
                        Export export = new Export(Exporters.describe(exporter, config), new CountingSpanExporter(sent));
                        exports.add(export);
                        return export.counter();
                    })
                    // close() flushes and shuts down, with deadlines.
                    .disableShutdownHook()
                    .setResultAsGlobal()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException("OpenTelemetry settings refused: " + e.getMessage(), e);
        }
        String names = severalServices ? processName.get() + "-<service> (one service.name per service)"
                : processName.get();
        return new Tracing(Mode.EXPORT, null, sdk.getSdkTracerProvider(), exports, names);
    }

    /** The resource, named {@code serviceName} unless the settings named it. */
    private static Resource named(Resource resource, String serviceName, AtomicReference<String> processName) {
        String configured = resource.getAttribute(SERVICE_NAME);
        if (configured == null || configured.startsWith("unknown_service")) {
            resource = resource.merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName)));
        }
        processName.set(resource.getAttribute(SERVICE_NAME));
        return resource;
    }

    public Mode mode() {
        return mode;
    }

    /** Spans the exporters sent successfully so far (0 unless exporting; summed over the exporters). */
    public long spansExported() {
        return exports.stream().mapToLong(e -> e.counter().exported()).sum();
    }

    /** One line for the summary: what tracing is in use, and for each exporter where spans went. */
    public String describe() {
        if (mode != Mode.EXPORT) {
            return detail;
        }
        StringBuilder sb = new StringBuilder();
        // By name: the SDK makes several exporters in no set order.
        List<Export> sorted = new ArrayList<>(exports);
        sorted.sort(Comparator.comparing(Export::description));
        for (Export e : sorted) {
            sb.append(sb.length() == 0 ? "" : "; ").append(e.description()).append(": ").append(e.counter().exported())
                    .append(" spans exported, ").append(e.counter().failed()).append(" failed");
        }
        if (exports.isEmpty()) {
            sb.append("an SDK with no span exporter");
        }
        return sb.append("; as ").append(serviceNames).toString();
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
