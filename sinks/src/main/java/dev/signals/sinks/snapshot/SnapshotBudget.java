package dev.signals.sinks.snapshot;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * The global budget of a snapshot sink across reasons: at most so many snapshots started, and
 * so many bytes written, in any minute. Cool-downs are per reason, so a storm of distinct
 * reasons (request ids in the reason, one error signal per tenant) passes them all; the budget
 * caps what the storm can write. Checked only when a snapshot would start, never per event:
 * a lock is fine here. Thread-safe.
 */
final class SnapshotBudget {

    static final long MINUTE_NANOS = 60_000_000_000L;

    private final int maxSnapshots;
    private final long maxBytes;
    private final LongSupplier nanoTime;
    // Guarded by this: start times, and {time, bytes} of writes, within the last minute.
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private final ArrayDeque<long[]> writes = new ArrayDeque<>();
    private long bytesInMinute;

    SnapshotBudget(int maxSnapshotsPerMinute, long maxBytesPerMinute, LongSupplier nanoTime) {
        this.maxSnapshots = maxSnapshotsPerMinute;
        this.maxBytes = maxBytesPerMinute;
        this.nanoTime = nanoTime;
    }

    /** True, and the start is counted, when fewer than the maximum started and wrote less than the maximum in the last minute. */
    synchronized boolean tryStart() {
        long now = nanoTime.getAsLong();
        forgetBefore(now - MINUTE_NANOS);
        if (starts.size() >= maxSnapshots || bytesInMinute >= maxBytes) {
            return false;
        }
        starts.addLast(now);
        return true;
    }

    /** Counts a written snapshot's size. */
    synchronized void wrote(long bytes) {
        writes.addLast(new long[] {nanoTime.getAsLong(), bytes});
        bytesInMinute += bytes;
    }

    private void forgetBefore(long oldest) {
        while (!starts.isEmpty() && starts.peekFirst() - oldest <= 0) {
            starts.removeFirst();
        }
        while (!writes.isEmpty() && writes.peekFirst()[0] - oldest <= 0) {
            bytesInMinute -= writes.removeFirst()[1];
        }
    }
}
