package dev.signals.router.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry wait: doubling from the base, capped, jittered into the upper half of its step, never overflowing. */
class RetryDelayTest {

    private static void assertWithin(long low, long high, long actual) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }

    @Test
    void eachStepDoublesUntilTheCapAndIsJitteredIntoItsUpperHalf() {
        for (int i = 0; i < 200; i++) {
            assertWithin(50, 100, RetryDelay.jittered(100, 1_000, 1));
            assertWithin(100, 200, RetryDelay.jittered(100, 1_000, 2));
            assertWithin(400, 800, RetryDelay.jittered(100, 1_000, 4));
            assertWithin(500, 1_000, RetryDelay.jittered(100, 1_000, 5));
            assertWithin(500, 1_000, RetryDelay.jittered(100, 1_000, 100));
        }
        assertEquals(0, RetryDelay.jittered(0, 0, 7));
    }

    @Test
    void theLongestBasesAndAttemptsTheConfigAllowsNeverOverflow() {
        long hour = Duration.ofHours(1).toNanos();
        for (int attempt = 1; attempt <= 100; attempt++) {
            assertWithin(hour / 2, hour, RetryDelay.jittered(hour, hour, attempt));
            assertWithin(0, hour, RetryDelay.jittered(Duration.ofSeconds(9).toNanos(), hour, attempt));
        }
    }
}
