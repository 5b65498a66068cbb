package dev.signals.otel;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/**
 * Makes {@code otel-logs} sinks ({@link OtelLogSink}) from config:
 *
 * <pre>{@code
 * "otel": { "type": "otel-logs", "instrumentationScope": "dev.signals" }
 * }</pre>
 *
 * Records go to the OpenTelemetry that {@link OtelTracing} finds when each event arrives.
 */
public final class OtelLogSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "otel-logs";
    }

    @Override
    public Sink create(SinkSettings settings) {
        String scope = settings.string("instrumentationScope", OtelTracing.INSTRUMENTATION_SCOPE);
        if (scope.isBlank()) {
            throw settings.invalid("instrumentationScope", "must not be blank");
        }
        return OtelLogSink.create(null, scope);
    }
}
