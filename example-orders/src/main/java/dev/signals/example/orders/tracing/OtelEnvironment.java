package dev.signals.example.orders.tracing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The standard OpenTelemetry settings the example decides by, read as the SDK reads them: a
 * system property ({@code -Dotel.traces.exporter=zipkin}) before the environment variable
 * ({@code OTEL_TRACES_EXPORTER=zipkin}). Only the decision whether to build an SDK at all is
 * taken here; the SDK's autoconfigure module reads everything else itself.
 */
final class OtelEnvironment {

    private final Map<String, String> env;

    OtelEnvironment(Map<String, String> env) {
        this.env = env;
    }

    /** {@code OTEL_SDK_DISABLED} is {@code true}. */
    boolean sdkDisabled() {
        return "true".equalsIgnoreCase(get("OTEL_SDK_DISABLED"));
    }

    /** The names in {@code OTEL_TRACES_EXPORTER}, lower case; empty when it is not set. */
    List<String> tracesExporters() {
        List<String> names = new ArrayList<>();
        String value = get("OTEL_TRACES_EXPORTER");
        if (value != null) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** An OTLP endpoint is set ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or its traces variant). */
    boolean otlpEndpointSet() {
        return get("OTEL_EXPORTER_OTLP_ENDPOINT") != null || get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != null;
    }

    /**
     * The {@code OTEL_*} variables of this environment as the SDK's property names
     * ({@code otel.traces.exporter}), for an SDK configured as if they were the process's own.
     */
    Map<String, String> asProperties() {
        Map<String, String> properties = new HashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith("OTEL_")) {
                properties.put(key.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }

    /** The setting, or {@code null} when it is not set or blank. */
    String get(String variable) {
        String value = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
