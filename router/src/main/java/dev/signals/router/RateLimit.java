package dev.signals.router;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A route's rate limit: at most {@code perSecond} events a second on average, with bursts of
 * up to {@code burst} events, over every signal the route carries. Events beyond it are
 * counted as dropped, {@code RATE_LIMITED}, at each sink of the route.
 *
 * <p>A token bucket kept as one number (the generic cell rate algorithm): the time at which
 * the bucket would be full again. Deciding is one compare-and-set, without a lock or a timer.
 */
public final class RateLimit {

    private final long nanosPerEvent;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    /** When the bucket is full again: each admitted event pushes it one interval later. */
    private final AtomicLong fullAt;

    /**
     * @param perSecond the sustained rate, events per second, above zero
     * @param burst how many events may pass at once after a quiet spell, at least 1
     * @throws IllegalArgumentException for a rate or burst out of range
     */
    public RateLimit(double perSecond, long burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || perSecond > 1e9 || burst < 1) {
            throw new IllegalArgumentException("need 0 < perSecond <= 1e9 and burst >= 1, got " + perSecond + " and " + burst);
        }
        this.nanosPerEvent = Math.max(1, Math.round(1e9 / perSecond));
        this.burstNanos = burst > Long.MAX_VALUE / 4 / nanosPerEvent ? Long.MAX_VALUE / 4 : burst * nanosPerEvent;
        this.nanoTime = nanoTime;
        this.fullAt = new AtomicLong(nanoTime.getAsLong());
    }

    /** True when this event fits in the limit (and is counted against it). */
    boolean allow() {
        long now = nanoTime.getAsLong();
        while (true) {
            long full = fullAt.get();
            long next = (full - now < 0 ? now : full) + nanosPerEvent;
            if (next - now > burstNanos) {
                return false;
            }
            if (fullAt.compareAndSet(full, next)) {
                return true;
            }
        }
    }
}
