package dev.signals.otel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The ended spans of unsampled traces, kept by trace id until an error in their trace releases
 * them or {@code keep} passes without one. Bounded three ways: spans per trace, spans in all,
 * and traces tracked. One lock: it is taken once per unsampled span start and end, and per error.
 *
 * <p>Traces are held in order of last activity (a span started or ended in them), so the oldest
 * is always first: expiry and making room both take from the head. Once a trace is rescued, its
 * later spans go out at once until it has been quiet for {@code keep}.
 *
 * @param <S> what a kept span is (the SDK's span data; left open so the rules are tested alone)
 */
final class RescueBuffer<S> {

    private final long keepNanos;
    private final int maxSpansPerTrace;
    private final int maxSpans;
    private final int maxTraces;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Trace<S>> traces = new LinkedHashMap<>(64, 0.75f, true);
    private int keptSpans;
    private long rescuedTraces;
    private long rescuedSpans;
    private long evictedTraces;
    private long evictedSpans;
    private long overflowedTraces;
    private long overflowedSpans;

    RescueBuffer(long keepNanos, int maxSpansPerTrace, int maxSpans, int maxTraces, LongSupplier nanoClock) {
        this.keepNanos = keepNanos;
        this.maxSpansPerTrace = maxSpansPerTrace;
        this.maxSpans = maxSpans;
        this.maxTraces = maxTraces;
        this.nanoClock = nanoClock;
    }

    /** An unsampled span of this trace started: the trace is tracked (an error may come before any span ends). */
    synchronized void started(String traceId) {
        long now = nanoClock.getAsLong();
        expire(now);
        touch(traceId, now);
    }

    /**
     * An unsampled span of this trace ended. Returns the spans to export now: none while the
     * trace waits, this one when the trace was rescued already, all kept ones when this span failed.
     */
    synchronized List<S> ended(String traceId, S span, boolean failed) {
        long now = nanoClock.getAsLong();
        expire(now);
        Trace<S> trace = touch(traceId, now);
        if (trace.rescued) {
            rescuedSpans++;
            return List.of(span);
        }
        if (!failed) {
            keep(trace, span);
            return List.of();
        }
        // The failed span itself goes out even when the bounds left no room to keep it.
        List<S> out = new ArrayList<>(release(trace));
        out.add(span);
        rescuedSpans++;
        return out;
    }

    /**
     * An error occurred in this unsampled trace: returns its kept spans to export (none when it
     * was rescued already). A trace no longer tracked (quiet past {@code keep}, or pushed out)
     * is tracked again as rescued, so that its spans still open are exported as they end.
     */
    synchronized List<S> errorIn(String traceId) {
        long now = nanoClock.getAsLong();
        expire(now);
        Trace<S> trace = touch(traceId, now);
        return trace.rescued ? List.of() : release(trace);
    }

    /** Drops everything kept (the processor shuts down), counted as evicted. */
    synchronized void clear() {
        for (Trace<S> trace : traces.values()) {
            evict(trace);
        }
        traces.clear();
    }

    synchronized TraceRescueStats stats() {
        return new TraceRescueStats(rescuedTraces, rescuedSpans, evictedTraces, evictedSpans, overflowedTraces,
                overflowedSpans, traces.size(), keptSpans);
    }

    // ---------------------------------------------------------------- under the lock

    private Trace<S> touch(String traceId, long now) {
        Trace<S> trace = traces.get(traceId); // moves it to the end: most recently active
        if (trace == null) {
            if (traces.size() >= maxTraces) {
                Iterator<Trace<S>> oldest = traces.values().iterator();
                overflow(oldest.next());
                oldest.remove();
            }
            trace = new Trace<>();
            traces.put(traceId, trace);
        }
        trace.lastActive = now;
        return trace;
    }

    private void keep(Trace<S> trace, S span) {
        if (trace.spans.size() >= maxSpansPerTrace || !roomFor(trace)) {
            overflowedSpans++;
            if (!trace.overflowed) {
                trace.overflowed = true;
                overflowedTraces++;
            }
            return;
        }
        trace.spans.add(span);
        keptSpans++;
    }

    /** Makes room for one more span by dropping the least recently active other traces that hold spans. */
    private boolean roomFor(Trace<S> keeping) {
        Iterator<Trace<S>> it = traces.values().iterator();
        while (keptSpans >= maxSpans && it.hasNext()) {
            Trace<S> t = it.next();
            if (t != keeping && !t.spans.isEmpty()) {
                overflow(t);
                it.remove();
            }
        }
        return keptSpans < maxSpans;
    }

    private void expire(long now) {
        Iterator<Trace<S>> it = traces.values().iterator();
        while (it.hasNext()) {
            Trace<S> t = it.next();
            if (now - t.lastActive < keepNanos) {
                return; // in order of activity: the rest are younger
            }
            evict(t);
            it.remove();
        }
    }

    private List<S> release(Trace<S> trace) {
        trace.rescued = true;
        rescuedTraces++;
        List<S> out = trace.spans;
        trace.spans = List.of();
        keptSpans -= out.size();
        rescuedSpans += out.size();
        return out;
    }

    private void evict(Trace<S> t) {
        if (!t.spans.isEmpty()) {
            evictedTraces++;
            evictedSpans += t.spans.size();
            keptSpans -= t.spans.size();
        }
    }

    private void overflow(Trace<S> t) {
        if (!t.spans.isEmpty()) {
            overflowedSpans += t.spans.size();
            keptSpans -= t.spans.size();
            if (!t.overflowed) {
                overflowedTraces++;
            }
        }
    }

    /** One tracked trace. */
    private static final class Trace<S> {
        List<S> spans = new ArrayList<>(4);
        long lastActive;
        boolean rescued;
        boolean overflowed;
    }
}
