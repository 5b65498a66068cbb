package dev.signals.spi;

import dev.signals.Event;
import dev.signals.Signal;

/**
 * What {@link dev.signals.Signals} hands events to: the router, in a normal set-up. Both methods
 * are called on application threads and must never throw.
 */
public interface Dispatcher {

    /**
     * True when at least one sink would receive this signal. Called before every event is
     * built, so it must be cheap: no allocation, no lock.
     */
    boolean isRouted(Signal signal);

    /** Delivers an event to every sink routed to its signal. */
    void dispatch(Event event);

    /**
     * Asks every snapshot sink to write out its time-travel buffer now.
     *
     * @return how many snapshots were started (0 when none is configured, or all are cooling down)
     */
    default int snapshot(String reason) {
        return 0;
    }
}
