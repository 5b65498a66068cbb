package dev.signals.example.orders.resilience;

import java.time.Duration;

/** Waits between attempts; tests pass one that does not wait. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep}: in the example, waiting before a retry is the point. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
