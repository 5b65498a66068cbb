package dev.signals.sinks.json;

/**
 * The JSON writer of a sink that encodes one event at a time under its own lock. One writer is
 * reused for every event; but a value's {@code toString} may emit an event that comes back to
 * the same sink on the same thread (the lock is reentrant) while that writer is mid-event, and
 * that one event then gets a writer of its own instead of spoiling the line being written.
 * Guarded by the sink's lock, like the writer it hands out.
 */
public final class SinkEncoder {

    private final EventJsonWriter own = new EventJsonWriter();

    /** The writer for the event being accepted now: the sink's own, or a fresh one when it is busy (re-entered). */
    public EventJsonWriter writer() {
        return own.isBusy() ? new EventJsonWriter() : own;
    }
}
