package dev.signals.sinks.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, looking again every millisecond. */
public final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails the test naming {@code what} when it has not by {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
