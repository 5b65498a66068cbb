package dev.signals.example.orders.tracing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where spans go, read from the standard OpenTelemetry environment variables:
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, used as
 * it is), {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code http/protobuf}, the default, or
 * {@code grpc}; also per signal), {@code OTEL_EXPORTER_OTLP_HEADERS} ({@code k=v,k2=v2}),
 * {@code OTEL_SERVICE_NAME} and {@code OTEL_SDK_DISABLED}.
 *
 * @param endpoint the URL spans are sent to; for {@code http/protobuf} it ends with {@code /v1/traces}
 * @param protocol {@code http/protobuf} or {@code grpc}
 * @param headers headers sent with every export
 * @param serviceName the {@code service.name} resource attribute
 */
public record ExportSettings(String endpoint, String protocol, Map<String, String> headers, String serviceName) {

    /** The default protocol. */
    public static final String HTTP = "http/protobuf";
    /** The gRPC protocol. */
    public static final String GRPC = "grpc";

    public ExportSettings {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * The settings in {@code env}, or {@code null} when no endpoint is set (or the SDK is disabled).
     *
     * @param defaultServiceName the service name when {@code OTEL_SERVICE_NAME} is not set
     * @throws IllegalArgumentException for a protocol other than {@code http/protobuf} and {@code grpc}
     */
    public static ExportSettings from(Map<String, String> env, String defaultServiceName) {
        if ("true".equalsIgnoreCase(blankToNull(env.get("OTEL_SDK_DISABLED")))) {
            return null;
        }
        String tracesEndpoint = blankToNull(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        String baseEndpoint = blankToNull(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (tracesEndpoint == null && baseEndpoint == null) {
            return null;
        }
        String protocol = first(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
        protocol = protocol == null ? HTTP : protocol.trim().toLowerCase(Locale.ROOT);
        if (!protocol.equals(HTTP) && !protocol.equals(GRPC)) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_PROTOCOL '" + protocol + "' is not supported here; use "
                    + HTTP + " or " + GRPC);
        }
        String endpoint;
        if (tracesEndpoint != null) {
            endpoint = tracesEndpoint.trim();
        } else if (protocol.equals(HTTP)) {
            String base = baseEndpoint.trim();
            endpoint = base + (base.endsWith("/") ? "" : "/") + "v1/traces";
        } else {
            endpoint = baseEndpoint.trim();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        parseHeaders(env.get("OTEL_EXPORTER_OTLP_HEADERS"), headers);
        parseHeaders(env.get("OTEL_EXPORTER_OTLP_TRACES_HEADERS"), headers);
        String service = blankToNull(env.get("OTEL_SERVICE_NAME"));
        return new ExportSettings(endpoint, protocol, headers, service != null ? service.trim() : defaultServiceName);
    }

    private static void parseHeaders(String text, Map<String, String> into) {
        if (text == null) {
            return;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                into.put(URLDecoder.decode(part.substring(0, eq).trim(), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1).trim(), StandardCharsets.UTF_8));
            }
        }
    }

    private static String first(Map<String, String> env, String... keys) {
        for (String k : keys) {
            String v = blankToNull(env.get(k));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
