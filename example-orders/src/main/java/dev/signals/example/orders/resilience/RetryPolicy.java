package dev.signals.example.orders.resilience;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.example.orders.OrderSignals;
import java.time.Duration;
import java.util.Random;

/**
 * Retries a call that failed in a way that may pass ({@link CallException#retryable()}):
 * exponential backoff with "equal jitter" — before attempt {@code n+1} it waits between half
 * and all of {@code min(maxDelay, baseDelay * 2^(n-1))}. The jitter is drawn from a
 * {@link Random} seeded with the run's seed and the call's key, so a seed replays the same
 * waits. Emits {@link OrderSignals#RETRY_SCHEDULED} before each wait and
 * {@link OrderSignals#RETRY_EXHAUSTED} when the last attempt fails. Immutable.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final long seed;
    private final Sleeper sleeper;

    /**
     * @param maxAttempts attempts in all, the first included
     * @param baseDelay the wait before the second attempt (at most)
     * @param maxDelay the longest wait
     * @param seed the run's seed, for the jitter
     * @param sleeper how to wait
     */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, long seed, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.seed = seed;
        this.sleeper = sleeper;
    }

    /** One attempt of a call; {@code attempt} counts from 1. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws CallException;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails in a way retrying cannot help, or the
     * attempts are used up.
     *
     * @param call what is called, such as {@code payment.authorize}, for the signals
     * @param key what the call is about (the order id), for the jitter
     * @param log where the retries are emitted
     * @throws CallException the last failure
     */
    public <T> T execute(String call, String key, Emitter log, Attempt<T> attempt) throws CallException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (CallException e) {
                if (!e.retryable()) {
                    throw e.afterAttempts(n);
                }
                if (n >= maxAttempts) {
                    if (maxAttempts > 1) {
                        log.emit(OrderSignals.RETRY_EXHAUSTED, call + " failed " + n + " times; giving up",
                                Field.of("call", call), Field.of("attempts", n), Field.of("cause", e.cause()));
                    }
                    throw e.afterAttempts(n);
                }
                Duration delay = delayBefore(n + 1, key, call);
                log.emit(OrderSignals.RETRY_SCHEDULED, call + " failed (" + e.cause() + "); retrying in "
                                + delay.toMillis() + " ms",
                        Field.of("call", call), Field.of("attempt", n + 1), Field.of("delay", delay),
                        Field.of("cause", e.cause()));
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e.afterAttempts(n);
                }
            }
        }
    }

    /** The wait before {@code attempt} (2 or more) of {@code call} about {@code key}. */
    public Duration delayBefore(int attempt, String key, String call) {
        long cap = baseDelay.toNanos();
        for (int i = 2; i < attempt && cap < maxDelay.toNanos(); i++) {
            cap *= 2;
        }
        cap = Math.min(cap, maxDelay.toNanos());
        Random random = new Random(seed * 31 + (key + '/' + call + '/' + attempt).hashCode());
        long half = cap / 2;
        return Duration.ofNanos(half + (long) (random.nextDouble() * (cap - half)));
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
