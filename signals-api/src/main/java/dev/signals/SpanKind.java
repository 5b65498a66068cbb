package dev.signals;

/**
 * What role a span plays in its trace, as OpenTelemetry and the tracing backends behind it
 * (Jaeger, Zipkin) know it: they draw the dependencies between services from {@link #CLIENT}
 * spans and the {@link #SERVER} spans under them.
 *
 * <pre>{@code
 * try (Span span = Signals.span(SpanKind.SERVER, "POST /orders")) { ... }
 * }</pre>
 */
public enum SpanKind {
    /** Work inside the service, with no remote party (the default). */
    INTERNAL,
    /** The handling of a request received from another service. */
    SERVER,
    /** A request sent to another service, for as long as the caller waits for the answer. */
    CLIENT,
    /** A message sent for later processing, without waiting for it (a queue, a topic). */
    PRODUCER,
    /** The processing of a message a producer sent. */
    CONSUMER
}
