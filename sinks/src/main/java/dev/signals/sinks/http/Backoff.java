package dev.signals.sinks.http;

import dev.signals.router.delivery.RetryDelay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits between attempts: the router's {@link RetryDelay} (exponential from {@code base},
 * capped at {@code max}, with jitter), in milliseconds.
 */
final class Backoff {

    private final long baseMillis;
    private final long maxMillis;

    Backoff(Duration base, Duration max) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The longest wait this backoff allows, also the most a server's {@code Retry-After} may ask. */
    long maxMillis() {
        return maxMillis;
    }

    /** The wait before attempt {@code attempt + 1}, in milliseconds. */
    long delayMillis(int attempt) {
        return RetryDelay.jittered(baseMillis, maxMillis, attempt);
    }

    /**
     * Parks the calling thread for {@code millis}.
     *
     * @return false when the thread was interrupted (the interrupt stays set)
     */
    static boolean pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
