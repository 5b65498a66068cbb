package dev.signals.sinks.snapshot;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Snapshots skipped because a sink's budget was spent: counted by reason (a bounded table),
 * and announced on stderr at most once a minute, so that a storm is visible without itself
 * flooding stderr. Thread-safe.
 */
final class BudgetSkips {

    private final String sinkName;
    private final SnapshotOptions options;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final LongAdder total = new LongAdder();
    private final ReasonCounts byReason = new ReasonCounts();
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
        byReason.add(reason);
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
        return byReason.snapshot();
    }
}
