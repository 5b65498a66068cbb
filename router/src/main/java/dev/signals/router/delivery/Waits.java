package dev.signals.router.delivery;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting off the hot path: spin a little, then yield, then park in short steps. */
final class Waits {

    private Waits() {
    }

    /** The first round of waiting that parks: before it, {@link #backoff} spins, then yields. */
    static final int PARKING_ROUND = 128;

    /**
     * Backs off for the {@code round}-th time of waiting on the same condition.
     *
     * @return whether it cleared the thread's interrupt to park: the caller sets it again when
     *     its wait ends (setting it between rounds would make every park return at once)
     */
    static boolean backoff(int round) {
        if (round < 64) {
            Thread.onSpinWait();
            return false;
        }
        if (round < PARKING_ROUND) {
            Thread.yield();
            return false;
        }
        // An interrupted thread's park returns at once: waiting would become spinning.
        boolean interrupted = Thread.interrupted();
        LockSupport.parkNanos(Math.min(1_000_000L, 10_000L << Math.min(6, (round - PARKING_ROUND) / 16)));
        return interrupted;
    }

    /**
     * Waits until {@code done} holds or {@code deadlineNanos} (a {@link System#nanoTime()} value) passes.
     *
     * @return whether {@code done} held
     */
    static boolean until(BooleanSupplier done, long deadlineNanos) {
        boolean interrupted = false;
        try {
            for (int round = 0; !done.getAsBoolean(); round++) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    return done.getAsBoolean();
                }
                interrupted |= backoff(round);
            }
            return true;
        } finally {
            restoreInterrupt(interrupted);
        }
    }

    /** Sets the interrupt that {@link #backoff} cleared, once the wait is over. */
    static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
