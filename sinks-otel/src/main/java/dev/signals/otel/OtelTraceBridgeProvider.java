package dev.signals.otel;

import dev.signals.spi.TraceBridge;
import dev.signals.spi.TraceBridgeProvider;

/**
 * Found by {@code signals-api} through {@link java.util.ServiceLoader}: makes Signals spans
 * OpenTelemetry spans whenever an OpenTelemetry SDK is available (see {@link OtelTracing}).
 */
public final class OtelTraceBridgeProvider implements TraceBridgeProvider {

    @Override
    public TraceBridge bridge() {
        return OtelTraceBridge.INSTANCE;
    }
}
