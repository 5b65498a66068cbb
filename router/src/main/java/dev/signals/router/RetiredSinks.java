package dev.signals.router;

import dev.signals.router.delivery.SinkStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The final figures of sinks a reload or a removed route retired, summed by name, so that
 * {@link Router#stats()} still accounts for every event they took. Bounded: past
 * {@value #MAX_NAMES} names, the figures of further names are summed under {@value #OTHERS}.
 * Guarded by the router's lock.
 */
final class RetiredSinks {

    static final int MAX_NAMES = 1_000;
    static final String OTHERS = "(other retired sinks)";

    private final Map<String, SinkStats> byName = new LinkedHashMap<>();
    private volatile Map<String, SinkStats> published = Map.of();

    void add(SinkStats last) {
        String name = byName.containsKey(last.name()) || byName.size() < MAX_NAMES ? last.name() : OTHERS;
        byName.merge(name, last.named(name), SinkStats::plus);
        published = Map.copyOf(byName);
    }

    /** Adds the retired figures to {@code live}, summing where a live sink has the same name. */
    Map<String, SinkStats> addTo(Map<String, SinkStats> live) {
        for (SinkStats s : published.values()) {
            live.merge(s.name(), s, SinkStats::plus);
        }
        return live;
    }
}
