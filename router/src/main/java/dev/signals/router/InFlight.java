package dev.signals.router;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * How many dispatches are delivering through one route table right now: a sink the router
 * retires is closed only once no dispatch that could still reach it is running. Striped, so
 * emitting threads do not contend on one counter.
 *
 * <p>A dispatch enters, then checks that the table it entered is still the router's; the
 * router swaps the table, then waits for the old one to be idle. Entering is a full fence and
 * so is the swap, so either the dispatch sees the new table (and moves to it) or the router
 * sees the dispatch (and waits for it).
 */
final class InFlight {

    private final LongAdder count = new LongAdder();

    void enter() {
        count.increment();
    }

    void exit() {
        count.decrement();
    }

    /**
     * Waits until no dispatch is inside, or until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @return whether it became idle in time
     */
    boolean awaitIdle(long deadlineNanos) {
        while (count.sum() != 0) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            LockSupport.parkNanos(50_000L);
        }
        return true;
    }
}
