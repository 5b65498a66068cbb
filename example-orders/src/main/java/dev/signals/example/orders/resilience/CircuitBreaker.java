package dev.signals.example.orders.resilience;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.example.orders.OrderSignals;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker around the calls to one service, every transition a signal.
 *
 * <ul>
 *   <li>CLOSED: calls go through; {@code threshold} consecutive failures open it
 *       ({@link OrderSignals#CIRCUIT_BREAKER_OPENED}).</li>
 *   <li>OPEN: calls fail at once with {@link CallException.Kind#CIRCUIT_OPEN}
 *       ({@link OrderSignals#CIRCUIT_BREAKER_REJECTED}, DEBUG) for {@code openFor}.</li>
 *   <li>HALF_OPEN: the first call after that is a probe ({@link OrderSignals#CIRCUIT_BREAKER_HALF_OPEN});
 *       others are refused while it runs. Its success closes the breaker
 *       ({@link OrderSignals#CIRCUIT_BREAKER_CLOSED}), its failure opens it again.</li>
 * </ul>
 *
 * Only failures that say the callee is unhealthy count ({@link CallException#countsAgainstBreaker()});
 * a declined card is a healthy answer. Thread-safe; transitions are decided under a lock and
 * emitted after it is released.
 */
public final class CircuitBreaker {

    /** The breaker's state. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** A permission to call, handed back with the outcome. */
    public static final class Permit {
        private final boolean probe;

        private Permit(boolean probe) {
            this.probe = probe;
        }
    }

    private static final Permit NORMAL = new Permit(false);

    private final String name;
    private final int threshold;
    private final Duration openFor;
    private final LongSupplier nanoTime;
    private final Emitter log;

    // Guarded by this.
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probing;
    private int opened;

    /**
     * @param name what the breaker guards, such as {@code payment}
     * @param threshold consecutive failures that open it
     * @param openFor how long it stays open before a probe
     * @param nanoTime the clock
     * @param log where transitions are emitted
     */
    public CircuitBreaker(String name, int threshold, Duration openFor, LongSupplier nanoTime, Emitter log) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.name = name;
        this.threshold = threshold;
        this.openFor = openFor;
        this.nanoTime = nanoTime;
        this.log = log.with(Field.of("breaker", name));
    }

    /** Runs {@code call} if the breaker allows it, and records how it went. */
    public <T> T call(Call<T> call) throws CallException {
        Permit permit = acquire();
        try {
            T result = call.run();
            onSuccess(permit);
            return result;
        } catch (CallException e) {
            if (e.countsAgainstBreaker()) {
                onFailure(permit, e.cause());
            } else {
                onSuccess(permit);
            }
            throw e;
        } catch (RuntimeException e) {
            onFailure(permit, e.getClass().getSimpleName());
            throw e;
        }
    }

    /** A call guarded by the breaker. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws CallException;
    }

    /**
     * Asks to make a call.
     *
     * @throws CallException of kind {@link CallException.Kind#CIRCUIT_OPEN} when refused
     */
    public Permit acquire() throws CallException {
        boolean halfOpened = false;
        long wasOpen = 0;
        Permit permit = null;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (state == State.OPEN && now - openedAt >= openFor.toNanos()) {
                state = State.HALF_OPEN;
                probing = false;
                halfOpened = true;
                wasOpen = now - openedAt;
            }
            if (state == State.CLOSED) {
                permit = NORMAL;
            } else if (state == State.HALF_OPEN && !probing) {
                probing = true;
                permit = new Permit(true);
            }
        }
        if (halfOpened) {
            log.emit(OrderSignals.CIRCUIT_BREAKER_HALF_OPEN, "Breaker " + name + " half-open: one probe call goes through",
                    Field.of("was_open_for", Duration.ofNanos(wasOpen)));
        }
        if (permit == null) {
            log.emit(OrderSignals.CIRCUIT_BREAKER_REJECTED, "Breaker " + name + " is open: call refused");
            throw new CallException(CallException.Kind.CIRCUIT_OPEN, 0, null, "circuit breaker " + name + " is open");
        }
        return permit;
    }

    /** Records a successful call (or a healthy refusal). */
    public void onSuccess(Permit permit) {
        long wasOpen = -1;
        synchronized (this) {
            consecutiveFailures = 0;
            if (permit.probe && state == State.HALF_OPEN) {
                state = State.CLOSED;
                probing = false;
                wasOpen = nanoTime.getAsLong() - openedAt;
            }
        }
        if (wasOpen >= 0) {
            log.emit(OrderSignals.CIRCUIT_BREAKER_CLOSED, "Breaker " + name + " closed: the probe succeeded",
                    Field.of("was_open_for", Duration.ofNanos(wasOpen)));
        }
    }

    /** Records a failed call; {@code cause} is the failure in one word. */
    public void onFailure(Permit permit, String cause) {
        int failures = 0;
        boolean open = false;
        synchronized (this) {
            consecutiveFailures++;
            failures = consecutiveFailures;
            if ((permit.probe && state == State.HALF_OPEN) || (state == State.CLOSED && consecutiveFailures >= threshold)) {
                state = State.OPEN;
                probing = false;
                openedAt = nanoTime.getAsLong();
                opened++;
                open = true;
            }
        }
        if (open) {
            log.emit(OrderSignals.CIRCUIT_BREAKER_OPENED, "Breaker " + name + " opened after " + failures
                            + " consecutive failures",
                    Field.of("failures", failures), Field.of("open_for", openFor), Field.of("cause", cause));
        }
    }

    public synchronized State state() {
        return state;
    }

    /** How many times the breaker has opened. */
    public synchronized int timesOpened() {
        return opened;
    }

    public String name() {
        return name;
    }
}
