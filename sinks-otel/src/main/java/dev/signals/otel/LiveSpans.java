package dev.signals.otel;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridged spans open now, by span id, so that sinks can reach the OpenTelemetry span an
 * event was emitted in (and keep its event budget). A span is here from its start to its end.
 * Spans that are never closed (a bug in the application) must not grow this without end: past
 * {@value #MAX_OPEN} open spans, new ones are not registered, and sinks find them the way they
 * find spans opened through the OpenTelemetry API, as the current span of the emitting thread.
 */
final class LiveSpans {

    static final int MAX_OPEN = 100_000;
    static final LiveSpans INSTANCE = new LiveSpans();

    private final ConcurrentHashMap<String, OtelBridgedSpan> bySpanId = new ConcurrentHashMap<>();

    private LiveSpans() {
    }

    void add(OtelBridgedSpan span) {
        if (bySpanId.mappingCount() < MAX_OPEN) {
            bySpanId.put(span.context().spanId(), span);
        }
    }

    void remove(OtelBridgedSpan span) {
        bySpanId.remove(span.context().spanId(), span);
    }

    /** The open span with these ids, or {@code null}. */
    OtelBridgedSpan get(String traceId, String spanId) {
        if (spanId == null) {
            return null;
        }
        OtelBridgedSpan span = bySpanId.get(spanId);
        return span != null && span.context().traceId().equals(traceId) ? span : null;
    }

    int size() {
        return bySpanId.size();
    }
}
