package dev.signals.otel;

import dev.signals.Event;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes a Signals event on an OpenTelemetry span as a span event (Jaeger shows it as a log of
 * the span): named after the signal, at the event's time, with {@code message}, {@code severity}
 * and the fields as typed attributes. An event carrying an error is recorded as the span's
 * exception instead ({@link Span#recordException}), with the signal name added.
 */
final class SpanEvents {

    static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("message");
    static final AttributeKey<String> SEVERITY = AttributeKey.stringKey("severity");
    static final AttributeKey<String> SIGNAL = AttributeKey.stringKey("signal");
    private static final Set<String> RESERVED = Set.of("message", "severity", "signal");

    private SpanEvents() {
    }

    static void record(Span target, Event e) {
        AttributesBuilder b = Attributes.builder();
        int error = FieldAttributes.errorIndex(e);
        FieldAttributes.putFields(b, e, error, RESERVED);
        if (!e.message().isEmpty()) {
            b.put(MESSAGE, e.message());
        }
        b.put(SEVERITY, e.severity().name());
        if (error >= 0) {
            b.put(SIGNAL, e.signal().name());
            target.recordException(e.field(error).errorValue(), b.build());
        } else {
            target.addEvent(e.signal().name(), b.build(), e.epochMicros(), TimeUnit.MICROSECONDS);
        }
    }
}
