package dev.signals.router.delivery;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a retry, for every part that retries (the router's delivery policy, sinks
 * that retry on their own): exponential from a base, capped, with jitter (a random wait
 * between half and all of the step) so that many senders recovering at once do not retry in
 * step. Written once so that a retry behaves the same wherever it happens.
 */
public final class RetryDelay {

    private RetryDelay() {
    }

    /**
     * The wait before attempt {@code attempt + 1} (attempt 1 having failed), in the unit of
     * {@code base} and {@code max}: between half and all of {@code min(max, base * 2^(attempt-1))}.
     */
    public static long jittered(long base, long max, int attempt) {
        int shift = Math.min(30, Math.max(0, attempt - 1));
        // Past max the doubling stops; tested before shifting, so an hour in nanoseconds cannot overflow.
        long step = base > (max >> shift) ? max : base << shift;
        return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }
}
