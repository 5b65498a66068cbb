package dev.signals.sinks.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits between attempts: exponential from {@code base}, capped at {@code max}, with jitter
 * (a random wait between half and all of the step) so that many senders recovering at once do
 * not retry in step.
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
        // Millis shifted at most 30 places stay far below Long.MAX_VALUE for any base up to an hour.
        long step = Math.min(maxMillis, baseMillis << Math.min(30, Math.max(0, attempt - 1)));
        return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
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
