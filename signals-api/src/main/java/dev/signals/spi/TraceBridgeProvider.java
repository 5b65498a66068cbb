package dev.signals.spi;

/**
 * Found through {@link java.util.ServiceLoader} the first time a span is opened or an event is
 * stamped: supplies the {@link TraceBridge} that connects Signals spans to a tracing system.
 * The {@code sinks-otel} module provides one for OpenTelemetry; list an implementation in
 * {@code META-INF/services/dev.signals.spi.TraceBridgeProvider}.
 *
 * <p>With none on the class path, Signals makes W3C trace and span ids itself and nothing
 * else changes. With several, the one named by {@code -Dsignals.traceBridge=CLASS} is used, else
 * the one with the highest {@link #priority()}, and the choice is reported once on stderr.
 */
public interface TraceBridgeProvider {

    /** The bridge; called once. */
    TraceBridge bridge();

    /** Higher wins when several providers are present. */
    default int priority() {
        return 0;
    }
}
