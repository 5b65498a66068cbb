package dev.signals.otel;

import dev.signals.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/** Conversions between Signals' and OpenTelemetry's trace contexts. */
final class SpanContexts {

    private SpanContexts() {
    }

    static SpanContext toOtel(TraceContext t) {
        TraceFlags flags = t.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault();
        return t.remote()
                ? SpanContext.createFromRemoteParent(t.traceId(), t.spanId(), flags, TraceState.getDefault())
                : SpanContext.create(t.traceId(), t.spanId(), flags, TraceState.getDefault());
    }

    /** A valid OpenTelemetry context as Signals' ({@code sc.isValid()} must hold). */
    static TraceContext toSignals(SpanContext sc) {
        return TraceContext.of(sc.getTraceId(), sc.getSpanId(), sc.isSampled(), sc.isRemote());
    }

    /**
     * The context of the span an event was emitted in, from the ids it carries: the span's own
     * when it is still known here, else one rebuilt from the ids (taken as sampled, the choice
     * Signals makes for a new trace, since an event does not carry the flag).
     */
    static SpanContext ofEvent(String traceId, String spanId) {
        OtelBridgedSpan live = LiveSpans.INSTANCE.get(traceId, spanId);
        if (live != null) {
            return live.otelSpan().getSpanContext();
        }
        SpanContext current = io.opentelemetry.api.trace.Span.current().getSpanContext();
        if (current.isValid() && current.getSpanId().equals(spanId) && current.getTraceId().equals(traceId)) {
            return current;
        }
        return SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
    }
}
