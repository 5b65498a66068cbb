package dev.signals.router;

import dev.signals.router.config.ConfigObject;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import java.time.Duration;

/** Reads a sink's {@code "async"}, {@code "retry"} and {@code "circuitBreaker"} settings into a {@link DeliveryPolicy}. */
final class DeliveryPolicies {

    private static final Duration HOUR = Duration.ofHours(1);

    private DeliveryPolicies() {
    }

    static DeliveryPolicy read(ConfigObject settings) {
        DeliveryPolicy.Builder b = DeliveryPolicy.builder();
        ConfigObject async = settings.object("async");
        if (async != null) {
            int queue = async.intValue("queue", 8192, 1, 1 << 24);
            String overflow = async.choice("overflow", "block", "block", "drop-newest", "drop-oldest");
            b.async(queue, Overflow.fromConfigName(overflow));
            if (async.has("blockTimeoutMs")) {
                if (!overflow.equals("block")) {
                    throw async.invalid("blockTimeoutMs", "only applies with \"overflow\": \"block\"");
                }
                b.blockTimeout(async.millis("blockTimeoutMs", null, Duration.ZERO, HOUR));
            }
            b.batchSize(async.intValue("batch", 256, 1, 1 << 20));
        }
        ConfigObject retry = settings.object("retry");
        if (retry != null) {
            if (async == null) {
                throw settings.invalid("retry", "retry needs \"async\": a synchronous sink must not make the application wait");
            }
            Duration backoff = retry.millis("backoffMs", Duration.ofMillis(100), Duration.ZERO, HOUR);
            Duration max = retry.millis("maxBackoffMs", Duration.ofSeconds(10), Duration.ZERO, HOUR);
            if (max.compareTo(backoff) < 0) {
                throw retry.invalid("maxBackoffMs", "must be at least backoffMs (" + backoff.toMillis() + ")");
            }
            b.retry(retry.intValue("attempts", 3, 1, 100), backoff, max);
        }
        ConfigObject breaker = settings.object("circuitBreaker");
        if (breaker != null) {
            b.circuitBreaker(breaker.intValue("failures", 5, 1, 1_000_000),
                    breaker.millis("openMs", Duration.ofSeconds(30), Duration.ZERO, Duration.ofDays(1)));
        }
        return b.build();
    }
}
