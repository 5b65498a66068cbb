package dev.signals.otel;

import dev.signals.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions between Signals' and OpenTelemetry's trace contexts. */
final class SpanContexts {

    private SpanContexts() {
    }

    /** Signals' context as OpenTelemetry's: same ids, flags (sampled and random) and tracestate. */
    static SpanContext toOtel(TraceContext t) {
        TraceFlags flags = TraceFlags.fromByte((byte) t.flags());
        TraceState state = toOtel(t.traceState());
        return t.remote()
                ? SpanContext.createFromRemoteParent(t.traceId(), t.spanId(), flags, state)
                : SpanContext.create(t.traceId(), t.spanId(), flags, state);
    }

    /**
     * The members OpenTelemetry accepts, in order. Its key check is the Level 1 grammar (one
     * {@code @} at most, tenant and vendor lengths), so a Level 2 key beyond it is left out there.
     */
    static TraceState toOtel(dev.signals.TraceState state) {
        if (state.isEmpty()) {
            return TraceState.getDefault();
        }
        // The builder puts each member first: add them right-most first to keep the order.
        List<Map.Entry<String, String>> members = new ArrayList<>(state.asMap().entrySet());
        TraceStateBuilder builder = TraceState.builder();
        for (int i = members.size() - 1; i >= 0; i--) {
            builder.put(members.get(i).getKey(), members.get(i).getValue());
        }
        return builder.build();
    }

    /** A valid OpenTelemetry context as Signals' ({@code sc.isValid()} must hold). */
    static TraceContext toSignals(SpanContext sc) {
        return toSignals(sc, toSignals(sc.getTraceState()));
    }

    /** A valid OpenTelemetry context as Signals', with this tracestate. */
    static TraceContext toSignals(SpanContext sc, dev.signals.TraceState state) {
        return TraceContext.of(sc.getTraceId(), sc.getSpanId(), sc.getTraceFlags().asByte(), sc.isRemote(), state);
    }

    static dev.signals.TraceState toSignals(TraceState state) {
        if (state.isEmpty()) {
            return dev.signals.TraceState.empty();
        }
        StringBuilder header = new StringBuilder();
        state.forEach((key, value) -> header.append(header.length() == 0 ? "" : ",").append(key).append('=').append(value));
        return dev.signals.TraceState.parse(header.toString());
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
