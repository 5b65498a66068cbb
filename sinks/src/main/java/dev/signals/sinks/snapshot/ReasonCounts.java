package dev.signals.sinks.snapshot;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts by snapshot reason, in a bounded table: reasons can come from data (a request's
 * reason, a signal name), so past {@value #MAX_REASONS} of them the rest share {@link #OTHER}.
 * Thread-safe.
 */
final class ReasonCounts {

    /** The most reasons counted one by one; others share {@link #OTHER}. */
    static final int MAX_REASONS = 256;
    static final String OTHER = "(other)";

    private final ConcurrentHashMap<String, LongAdder> byReason = new ConcurrentHashMap<>();

    void add(String reason) {
        String key = byReason.containsKey(reason) || byReason.size() < MAX_REASONS ? reason : OTHER;
        byReason.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The counts by reason, sorted; a copy. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byReason.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
