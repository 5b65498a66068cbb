package dev.signals.example.orders.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code ratePerSecond} requests a second on average, bursts of up to
 * {@code burst}. Thread-safe.
 */
public final class RateLimiter {

    private final double ratePerSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param ratePerSecond tokens added per second; 0 or less disables the limiter
     * @param burst the bucket's size
     * @param nanoTime the clock
     */
    public RateLimiter(double ratePerSecond, int burst, LongSupplier nanoTime) {
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    /** Takes a token for {@code client}; false when the client is over its limit. */
    public boolean tryAcquire(String client) {
        if (ratePerSecond <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, nanoTime.getAsLong())).take(this);
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(RateLimiter limiter) {
            long now = limiter.nanoTime.getAsLong();
            tokens = Math.min(limiter.burst, tokens + (now - refilledAt) / 1e9 * limiter.ratePerSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
