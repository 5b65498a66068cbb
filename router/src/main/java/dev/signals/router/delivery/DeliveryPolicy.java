package dev.signals.router.delivery;

import dev.signals.Sink;
import java.time.Duration;
import java.util.Objects;

/**
 * How events reach one sink: on the emitting thread or through a bounded queue, with or
 * without retries, a circuit breaker and a fallback sink. The same policy comes from a config
 * file ({@code "async"}, {@code "retry"}, {@code "circuitBreaker"}, {@code "fallback"}) or
 * from code:
 *
 * <pre>{@code
 * DeliveryPolicy policy = DeliveryPolicy.builder()
 *         .async(65_536, Overflow.BLOCK)
 *         .retry(3, Duration.ofMillis(100), Duration.ofSeconds(5))
 *         .circuitBreaker(5, Duration.ofSeconds(30))
 *         .fallback(stderrSink)
 *         .build();
 * router.route("AUDIT_*", Severity.TRACE, fileSink, policy);
 * }</pre>
 *
 * Immutable.
 */
public final class DeliveryPolicy {

    /** Synchronous delivery, no retry, no breaker, no fallback. */
    public static final DeliveryPolicy DIRECT = builder().build();

    private final int queueCapacity;
    private final Overflow overflow;
    private final Duration blockTimeout;
    private final int batchSize;
    private final int retryAttempts;
    private final Duration retryBackoff;
    private final Duration retryMaxBackoff;
    private final int breakerFailures;
    private final Duration breakerOpen;
    private final Sink fallback;

    private DeliveryPolicy(Builder b) {
        this.queueCapacity = b.queueCapacity;
        this.overflow = b.overflow;
        this.blockTimeout = b.blockTimeout;
        this.batchSize = b.batchSize;
        this.retryAttempts = b.retryAttempts;
        this.retryBackoff = b.retryBackoff;
        this.retryMaxBackoff = b.retryMaxBackoff;
        this.breakerFailures = b.breakerFailures;
        this.breakerOpen = b.breakerOpen;
        this.fallback = b.fallback;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when events go through a queue and a worker thread. */
    public boolean isAsync() {
        return queueCapacity > 0;
    }

    /** The queue's capacity as asked (the queue rounds it up to a power of two); 0 when synchronous. */
    public int queueCapacity() {
        return queueCapacity;
    }

    public Overflow overflow() {
        return overflow;
    }

    /** How long {@link Overflow#BLOCK} waits for room; {@code null} for as long as it takes. */
    public Duration blockTimeout() {
        return blockTimeout;
    }

    /** The most events a worker hands to the sink between two flushes. */
    public int batchSize() {
        return batchSize;
    }

    /** Attempts per event, the first included; 1 means no retry. */
    public int retryAttempts() {
        return retryAttempts;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration retryMaxBackoff() {
        return retryMaxBackoff;
    }

    /** Consecutive failures that open the breaker; 0 for no breaker. */
    public int breakerFailures() {
        return breakerFailures;
    }

    /** How long an open breaker waits before it lets one probe event through. */
    public Duration breakerOpen() {
        return breakerOpen;
    }

    /** The sink that takes events this one cannot (breaker open, attempts exhausted), or {@code null}. */
    public Sink fallback() {
        return fallback;
    }

    /** Builds a {@link DeliveryPolicy}; every setter checks its arguments at once. */
    public static final class Builder {
        private int queueCapacity;
        private Overflow overflow = Overflow.BLOCK;
        private Duration blockTimeout;
        private int batchSize = 256;
        private int retryAttempts = 1;
        private Duration retryBackoff = Duration.ofMillis(100);
        private Duration retryMaxBackoff = Duration.ofSeconds(10);
        private int breakerFailures;
        private Duration breakerOpen = Duration.ofSeconds(30);
        private Sink fallback;

        private Builder() {
        }

        /** Deliver through a bounded queue of {@code capacity} events, on a worker thread of the sink's own. */
        public Builder async(int capacity, Overflow overflow) {
            if (capacity < 1 || capacity > (1 << 30)) {
                throw new IllegalArgumentException("queue capacity must be between 1 and 2^30, was " + capacity);
            }
            this.queueCapacity = capacity;
            this.overflow = Objects.requireNonNull(overflow, "overflow");
            return this;
        }

        /** With {@link Overflow#BLOCK}: give up (and count the event as dropped) after waiting this long. */
        public Builder blockTimeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("block timeout must not be negative");
            }
            this.blockTimeout = timeout;
            return this;
        }

        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be at least 1");
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Retry a failed event up to {@code attempts} times in all, waiting {@code backoff},
         * doubled each time up to {@code maxBackoff}, with jitter. Needs {@link #async}: a
         * synchronous sink must not make the application wait.
         */
        public Builder retry(int attempts, Duration backoff, Duration maxBackoff) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
                throw new IllegalArgumentException("need 0 <= backoff <= maxBackoff");
            }
            this.retryAttempts = attempts;
            this.retryBackoff = backoff;
            this.retryMaxBackoff = maxBackoff;
            return this;
        }

        /** Open the breaker after {@code failures} consecutive failures; probe again after {@code open}. */
        public Builder circuitBreaker(int failures, Duration open) {
            if (failures < 1) {
                throw new IllegalArgumentException("failures must be at least 1");
            }
            if (open.isNegative()) {
                throw new IllegalArgumentException("open duration must not be negative");
            }
            this.breakerFailures = failures;
            this.breakerOpen = open;
            return this;
        }

        public Builder fallback(Sink sink) {
            this.fallback = sink;
            return this;
        }

        /**
         * @throws IllegalArgumentException when retries are asked of a synchronous sink
         */
        public DeliveryPolicy build() {
            if (retryAttempts > 1 && queueCapacity == 0) {
                throw new IllegalArgumentException("retry needs async delivery: a synchronous sink must not make the application wait");
            }
            return new DeliveryPolicy(this);
        }
    }
}
