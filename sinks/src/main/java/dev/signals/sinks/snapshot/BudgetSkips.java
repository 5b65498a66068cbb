package dev.signals.sinks.snapshot;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Snapshots skipped because a sink's budget was spent: counted by reason (a bounded table),
 * and announced on stderr at most once a minute, so that a storm is visible without itself
 * flooding stderr. Thread-safe.
 */
final class BudgetSkips {

    /** The most reasons counted one by one; others share {@link #OTHER}. */
    static final int MAX_REASONS = 256;
    static final String OTHER = "(other)";

    private final String sinkName;
    private final SnapshotOptions options;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final LongAdder total = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byReason = new ConcurrentHashMap<>();
    private final AtomicLong lastAnnounced = new AtomicLong();
    private volatile boolean announcedOnce;

    BudgetSkips(String sinkName, SnapshotOptions options, PrintStream err) {
        this.sinkName = sinkName;
        this.options = options;
        this.err = err;
        this.nanoTime = options.nanoTime();
    }

    void skipped(String reason) {
        total.increment();
        String key = byReason.containsKey(reason) || byReason.size() < MAX_REASONS ? reason : OTHER;
        byReason.computeIfAbsent(key, k -> new LongAdder()).increment();
        long now = nanoTime.getAsLong();
        long last = lastAnnounced.get();
        if ((!announcedOnce || now - last >= SnapshotBudget.MINUTE_NANOS) && lastAnnounced.compareAndSet(last, now)) {
            announcedOnce = true;
            err.println("Signals: snapshot sink '" + sinkName + "' is over its budget of " + options.maxSnapshotsPerMinute()
                    + " snapshots and " + options.maxBytesPerMinute() + " bytes per minute across reasons; skipping snapshots"
                    + " (this one: " + reason + "; " + total.sum() + " skipped so far, see stats()). Said at most once a minute.");
        }
    }

    long total() {
        return total.sum();
    }

    Map<String, Long> byReason() {
        Map<String, Long> out = new TreeMap<>();
        byReason.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
