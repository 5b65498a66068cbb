package dev.signals.router.delivery;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Stops calling a sink that keeps failing. Closed: every event goes through, and
 * {@code threshold} consecutive failures open it. Open: no event goes through until
 * {@code openNanos} have passed; then one probe event is let through (half-open). The probe's
 * success closes the breaker; its failure opens it again for another period.
 */
final class CircuitBreaker {

    /** The breaker's states, as reported in stats. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    /** Told of each transition, to report it. */
    interface Listener {
        void opened(int consecutiveFailures, Throwable cause);

        void closed();
    }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoTime;
    private final Listener listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile long openedAt;

    CircuitBreaker(int threshold, long openNanos, LongSupplier nanoTime, Listener listener) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.nanoTime = nanoTime;
        this.listener = listener;
    }

    State state() {
        return state.get();
    }

    /** True when the next call may go to the sink. */
    boolean allow() {
        State s = state.get();
        if (s == State.CLOSED) {
            return true;
        }
        if (s == State.OPEN && nanoTime.getAsLong() - openedAt >= openNanos) {
            return state.compareAndSet(State.OPEN, State.HALF_OPEN);
        }
        return false;
    }

    void success() {
        consecutiveFailures.set(0);
        if (state.get() != State.CLOSED && state.getAndSet(State.CLOSED) != State.CLOSED) {
            listener.closed();
        }
    }

    void failure(Throwable cause) {
        int failures = consecutiveFailures.incrementAndGet();
        if (state.get() == State.HALF_OPEN) {
            openedAt = nanoTime.getAsLong();
            state.set(State.OPEN);
            return;
        }
        if (failures >= threshold && state.get() == State.CLOSED) {
            openedAt = nanoTime.getAsLong();
            if (state.compareAndSet(State.CLOSED, State.OPEN)) {
                listener.opened(failures, cause);
            }
        }
    }
}
