package dev.signals.router;

import dev.signals.router.config.ConfigObject;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Reads a route's {@code "sample": {"first": N, "thereafter": M, "intervalMs": T}} into a {@link Sampler}. */
final class SamplerSettings {

    private SamplerSettings() {
    }

    static Sampler read(ConfigObject sample, LongSupplier nanoTime) {
        if (sample == null) {
            return null;
        }
        long first = sample.longValue("first", 100, 0, Long.MAX_VALUE);
        long thereafter = sample.longValue("thereafter", 100, 0, Long.MAX_VALUE);
        Duration interval = sample.millis("intervalMs", Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofDays(1));
        return new Sampler(first, thereafter, interval.toNanos(), nanoTime);
    }
}
