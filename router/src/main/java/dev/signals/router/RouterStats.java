package dev.signals.router;

import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import java.util.Map;

/**
 * The router's figures at one moment: one {@link SinkStats} per sink, by name.
 *
 * @param sinks every sink in force, in route order, then those a reload or a removed route
 *     retired (summed with a sink in force of the same name)
 * @param emittedAfterClose events emitted after the router closed: not written, only counted
 */
public record RouterStats(Map<String, SinkStats> sinks, long emittedAfterClose) {

    public RouterStats {
        sinks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sinks));
    }

    /** Figures of an open router: nothing emitted after close. */
    public RouterStats(Map<String, SinkStats> sinks) {
        this(sinks, 0);
    }

    /** The figures of one sink, or {@code null}. */
    public SinkStats sink(String name) {
        return sinks.get(name);
    }

    /** Drops for one reason, over all sinks. */
    public long dropped(DropReason reason) {
        long sum = 0;
        for (SinkStats s : sinks.values()) {
            sum += s.dropped(reason);
        }
        return sum;
    }

    /** Drops for every reason, over all sinks. */
    public long droppedTotal() {
        long sum = 0;
        for (SinkStats s : sinks.values()) {
            sum += s.droppedTotal();
        }
        return sum;
    }
}
