package dev.signals.router.spi;

import dev.signals.Event;
import java.util.List;

/**
 * Thrown by a {@link BatchSink} when a batch could not be shipped: names the events that did
 * not arrive, so that none is counted as delivered or lost without a trace.
 */
public final class BatchFailedException extends Exception {

    private final transient List<Event> undelivered;

    public BatchFailedException(String message, List<Event> undelivered, Throwable cause) {
        super(message, cause);
        this.undelivered = List.copyOf(undelivered);
    }

    /** The events that did not arrive, in the order they were accepted. */
    public List<Event> undelivered() {
        return undelivered;
    }
}
