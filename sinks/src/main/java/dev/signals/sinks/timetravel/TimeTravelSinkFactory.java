package dev.signals.sinks.timetravel;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/**
 * Type {@code time-travel}: a {@link TimeTravelSink}. Option {@code "capacity"}: how many
 * events it keeps (default {@value TimeTravelSink#DEFAULT_CAPACITY}, at most 2^24).
 *
 * <p>The buffer must stay synchronous (its point is to hold the events up to and including
 * the one being emitted, at the cost of a few nanoseconds), so {@code "async"} is refused.
 */
public final class TimeTravelSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "time-travel";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        if (settings.has("async")) {
            throw settings.invalid("async", "a time-travel buffer is synchronous: it keeps events on the emitting"
                    + " thread without locks or allocation, and a queue would only delay and drop them");
        }
        int capacity = settings.intValue("capacity", TimeTravelSink.DEFAULT_CAPACITY, 1, TimeTravelSink.MAX_CAPACITY);
        return new TimeTravelSink(capacity);
    }
}
