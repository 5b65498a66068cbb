package dev.signals.sinks.snapshot;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most one snapshot per reason per cool-down: an error storm makes one snapshot a minute,
 * not one per error. Thread-safe; reasons are compared after sanitising, so
 * {@code "Payment failed"} and {@code "payment_failed"} share a cool-down.
 *
 * <p>The table is bounded: past {@value #PRUNE_ABOVE} reasons, those whose cool-down is over
 * are forgotten (they would be allowed anyway), so reasons made of request ids cannot grow it
 * without end.
 */
final class Cooldowns {

    static final int PRUNE_ABOVE = 1_024;

    private final long cooldownNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Long> lastStart = new ConcurrentHashMap<>();

    Cooldowns(long cooldownNanos, LongSupplier nanoTime) {
        this.cooldownNanos = cooldownNanos;
        this.nanoTime = nanoTime;
    }

    /** True, and the cool-down of {@code reason} restarts, when no snapshot for it started within the cool-down. */
    boolean tryStart(String reason) {
        if (cooldownNanos <= 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        Long known = lastStart.get(reason);
        if (known != null && now - known < cooldownNanos) {
            return false; // the storm case: a read, no lock, no allocation
        }
        boolean[] started = new boolean[1];
        lastStart.compute(reason, (k, last) -> {
            if (last == null || now - last >= cooldownNanos) {
                started[0] = true;
                return now;
            }
            return last;
        });
        if (started[0] && lastStart.size() > PRUNE_ABOVE) {
            lastStart.values().removeIf(last -> now - last >= cooldownNanos);
        }
        return started[0];
    }
}
