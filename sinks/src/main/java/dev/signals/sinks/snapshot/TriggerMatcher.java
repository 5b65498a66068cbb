package dev.signals.sinks.snapshot;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.RoutePattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether an event triggers a snapshot: its signal matches one of the trigger
 * patterns ({@code ERROR}, {@code PAYMENT_*}, {@code *}), or its severity is at least the
 * trigger severity. Runs on every event routed to the snapshot sink, so the pattern verdict
 * is cached per signal (signals have small dense ids): after the first event of a signal, a
 * check is an array read and a comparison, without allocating. Signals declared beyond
 * {@link Signal#NAME_LIMIT} share {@link Signal#UNCACHED_ID} and are decided afresh each time.
 */
final class TriggerMatcher {

    private static final byte UNKNOWN = 0;
    private static final byte NO = 1;
    private static final byte YES = 2;

    private final List<RoutePattern> patterns;
    private final Severity minSeverity;
    // Replaced, never resized in place; a lost race only recomputes an entry, which is idempotent.
    private volatile byte[] verdicts = new byte[256];
    private volatile String[] reasons = new String[256];

    /**
     * @param patterns signal names or patterns
     * @param minSeverity the severity from which any event triggers, or {@code null} for none
     * @throws IllegalArgumentException for a malformed pattern
     */
    TriggerMatcher(List<String> patterns, Severity minSeverity) {
        List<RoutePattern> parsed = new ArrayList<>();
        for (String p : patterns) {
            parsed.add(RoutePattern.parse(p));
        }
        this.patterns = List.copyOf(parsed);
        this.minSeverity = minSeverity;
    }

    /** True when nothing can ever match (no pattern, no severity). */
    boolean isEmpty() {
        return patterns.isEmpty() && minSeverity == null;
    }

    /**
     * The sanitised reason of a snapshot triggered by {@code signal}, cached per signal so that
     * an error storm does not build the same string once per event.
     */
    String fileReason(Signal signal) {
        int id = signal.id();
        String[] r = reasons;
        if (id < r.length && r[id] != null) {
            return r[id];
        }
        String reason = SnapshotNames.sanitise(signal.name());
        if (id == Signal.UNCACHED_ID) {
            return reason;
        }
        if (id >= r.length) {
            r = Arrays.copyOf(r, Math.max(id + 1, r.length * 2));
        }
        r[id] = reason;
        reasons = r;
        return reason;
    }

    boolean matches(Event event) {
        return matches(event.signal());
    }

    /** Whether events of {@code signal} trigger: what is decided is decided per signal. */
    boolean matches(Signal signal) {
        if (minSeverity != null && signal.severity().isAtLeast(minSeverity)) {
            return true;
        }
        if (patterns.isEmpty()) {
            return false;
        }
        int id = signal.id();
        byte[] v = verdicts;
        if (id < v.length && v[id] != UNKNOWN) {
            return v[id] == YES;
        }
        boolean match = false;
        for (RoutePattern p : patterns) {
            if (p.matches(signal)) {
                match = true;
                break;
            }
        }
        if (id == Signal.UNCACHED_ID) {
            return match;
        }
        if (id >= v.length) {
            v = Arrays.copyOf(v, Math.max(id + 1, v.length * 2));
        }
        v[id] = match ? YES : NO;
        verdicts = v;
        return match;
    }
}
