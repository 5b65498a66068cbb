package dev.signals.otel;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.context.Context;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sink type {@code otel-logs}: each event becomes an OpenTelemetry log record through the Logs
 * Bridge API, for an SDK's {@code LoggerProvider} to export (OTLP to a collector, for example).
 *
 * <p>The record has the event's time, its severity (TRACE…FATAL map to the OpenTelemetry
 * severities of the same names), the message as body, the signal name as {@code signal}
 * attribute and, unless the signal is a level ({@code INFO}…), as event name; the thread as
 * {@code thread.name}; the fields as typed attributes (as in {@link OtelSpanSink}); the error
 * field as the record's exception; and the trace context of the span the event was emitted in,
 * so backends link the record to its trace.
 */
public final class OtelLogSink implements Sink {

    static final AttributeKey<String> SIGNAL = AttributeKey.stringKey("signal");
    static final AttributeKey<String> THREAD = AttributeKey.stringKey("thread.name");
    private static final Set<String> RESERVED = Set.of("signal", "thread.name");

    private final OpenTelemetry injected;
    private final String scope;
    private volatile LoggerRef logger;

    private OtelLogSink(OpenTelemetry injected, String scope) {
        this.injected = injected;
        this.scope = scope;
    }

    /** A sink writing to the OpenTelemetry {@link OtelTracing} finds at each event (so it may be set up later). */
    public static OtelLogSink create() {
        return new OtelLogSink(null, OtelTracing.INSTRUMENTATION_SCOPE);
    }

    /** A sink writing to {@code openTelemetry}'s logger provider. */
    public static OtelLogSink create(OpenTelemetry openTelemetry) {
        return create(openTelemetry, OtelTracing.INSTRUMENTATION_SCOPE);
    }

    /**
     * A sink writing to {@code openTelemetry} (or, when {@code null}, the one {@link OtelTracing}
     * finds) under the instrumentation scope {@code scope}.
     */
    public static OtelLogSink create(OpenTelemetry openTelemetry, String scope) {
        return new OtelLogSink(openTelemetry, Objects.requireNonNull(scope, "scope"));
    }

    /**
     * @throws IllegalStateException when no OpenTelemetry is set up; the router counts the
     *     event as failed and reports it
     */
    @Override
    public void accept(Event e) {
        LogRecordBuilder record = logger().logRecordBuilder()
                .setTimestamp(e.epochMicros(), TimeUnit.MICROSECONDS)
                .setSeverity(severity(e.severity()))
                .setSeverityText(e.severity().name())
                .setBody(e.message());
        if (!isLevel(e.signal())) {
            record.setEventName(e.signal().name());
        }
        AttributesBuilder attributes = Attributes.builder();
        int error = FieldAttributes.errorIndex(e);
        FieldAttributes.putFields(attributes, e, error, RESERVED);
        attributes.put(SIGNAL, e.signal().name());
        attributes.put(THREAD, e.thread());
        record.setAllAttributes(attributes.build());
        if (error >= 0) {
            record.setException(e.field(error).errorValue());
        }
        if (e.traceId() != null && e.spanId() != null) {
            record.setContext(Context.root().with(
                    io.opentelemetry.api.trace.Span.wrap(SpanContexts.ofEvent(e.traceId(), e.spanId()))));
        }
        record.emit();
    }

    private Logger logger() {
        OpenTelemetry otel = injected != null ? injected : OtelTracing.openTelemetry();
        if (otel == null) {
            throw new IllegalStateException("no OpenTelemetry is set up for the otel-logs sink: set GlobalOpenTelemetry, "
                    + "run with the Java agent, or call OtelTracing.install");
        }
        LoggerRef ref = logger;
        if (ref == null || ref.openTelemetry != otel) {
            ref = new LoggerRef(otel, otel.getLogsBridge().get(scope));
            logger = ref;
        }
        return ref.logger;
    }

    static io.opentelemetry.api.logs.Severity severity(Severity s) {
        switch (s) {
            case TRACE: return io.opentelemetry.api.logs.Severity.TRACE;
            case DEBUG: return io.opentelemetry.api.logs.Severity.DEBUG;
            case INFO: return io.opentelemetry.api.logs.Severity.INFO;
            case WARN: return io.opentelemetry.api.logs.Severity.WARN;
            case ERROR: return io.opentelemetry.api.logs.Severity.ERROR;
            default: return io.opentelemetry.api.logs.Severity.FATAL;
        }
    }

    private static boolean isLevel(Signal s) {
        return s == Signal.forSeverity(s.severity());
    }

    /** A logger and the instance it came from, swapped as one. */
    private static final class LoggerRef {
        final OpenTelemetry openTelemetry;
        final Logger logger;

        LoggerRef(OpenTelemetry openTelemetry, Logger logger) {
            this.openTelemetry = openTelemetry;
            this.logger = logger;
        }
    }
}
