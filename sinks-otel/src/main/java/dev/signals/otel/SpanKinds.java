package dev.signals.otel;

import io.opentelemetry.api.trace.SpanKind;

/** Signals' span kinds as OpenTelemetry's: the same five, by name. */
final class SpanKinds {

    private SpanKinds() {
    }

    static SpanKind toOtel(dev.signals.SpanKind kind) {
        switch (kind) {
            case SERVER: return SpanKind.SERVER;
            case CLIENT: return SpanKind.CLIENT;
            case PRODUCER: return SpanKind.PRODUCER;
            case CONSUMER: return SpanKind.CONSUMER;
            default: return SpanKind.INTERNAL;
        }
    }
}
