package dev.signals.sinks.snapshot;

import dev.signals.OpenSpans;
import dev.signals.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A span open when a snapshot was taken, as its header lists it ({@code open_spans}).
 *
 * @param parentSpanId {@code null} for a root span
 * @param startMicros when it opened, microseconds since the epoch
 * @param elapsedMs how long it had been open when the snapshot was taken
 */
record OpenSpan(String name, String traceId, String spanId, String parentSpanId, String thread, long startMicros,
        long elapsedMs) {

    /** The spans open now, oldest first. */
    static List<OpenSpan> now() {
        List<OpenSpan> out = new ArrayList<>();
        for (Span s : OpenSpans.list()) {
            out.add(new OpenSpan(s.name(), s.traceId(), s.spanId(), s.parentSpanId(), s.thread(), s.startEpochMicros(),
                    s.elapsedNanos() / 1_000_000L));
        }
        return out;
    }
}
