package dev.signals.router.spi;

import dev.signals.Signal;
import dev.signals.Sink;

/**
 * Implemented by a synchronous {@link Sink} that must act on the emitting thread before an event
 * routed to it is made: before it is stamped and numbered ({@link dev.signals.Event#sequence()}).
 * The time-travel buffer freezes its ring there when the signal triggers a snapshot, so that the
 * window ending at the trigger holds the events numbered before it, however long the emitting
 * thread is descheduled between numbering its trigger and handing it over.
 *
 * <p>Called for events emitted through {@link dev.signals.Signals} (not for events built and
 * dispatched directly), for the synchronous sinks routed to the signal, before its route
 * filters, sampling and rate limits are applied: the event that follows may not reach the sink.
 * Called on every such event, so it must be cheap and never block; a throw is ignored.
 */
public interface BeforeCapture {

    /** The emitting thread is about to make an event of {@code signal} that may be delivered to this sink. */
    void beforeCapture(Signal signal);
}
