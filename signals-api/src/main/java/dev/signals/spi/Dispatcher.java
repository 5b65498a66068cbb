package dev.signals.spi;

import dev.signals.Event;
import dev.signals.Field;
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
     * Makes the event of a routed signal on the emitting thread and delivers it: what
     * {@link dev.signals.Signals} calls. The default is
     * {@code dispatch(Event.capture(signal, message, bound, fields))}; a dispatcher overrides it
     * to act before the event is made and numbered (the router lets a time-travel buffer freeze
     * at a trigger there, so that no event numbered after the trigger can push out the ones
     * before it).
     */
    default void emit(Signal signal, String message, Field[] bound, Field[] fields) {
        dispatch(Event.capture(signal, message, bound, fields));
    }

    /**
     * Asks every snapshot sink to write out its time-travel buffer now.
     *
     * @return how many snapshots were started (0 when none is configured, or all are cooling down)
     */
    default int snapshot(String reason) {
        return 0;
    }

    /**
     * The fields as every path out of the process must see them: keys the configuration redacts
     * replaced by secrets. Applied to what leaves other than through {@link #dispatch}, such as
     * the attributes of a span handed to a tracing system. Answers the array itself when nothing
     * changes; never modifies it.
     */
    default Field[] redact(Field[] fields) {
        return fields;
    }

    /**
     * The levels the configuration sets for the logger names of bridged logging APIs; read on
     * every level check of a bridged logger, so it must be a field read. A new configuration
     * answers a new object.
     */
    default LoggerLevels loggerLevels() {
        return LoggerLevels.NONE;
    }
}
