/**
 * The service-provider interfaces of the API, found through {@link java.util.ServiceLoader}:
 * {@link dev.signals.spi.DispatcherProvider} supplies the dispatcher behind
 * {@link dev.signals.Signals} (the router), and {@link dev.signals.spi.TraceBridgeProvider}
 * connects Signals spans to a tracing system (OpenTelemetry, through {@code sinks-otel}).
 * Application code never needs them.
 */
package dev.signals.spi;
