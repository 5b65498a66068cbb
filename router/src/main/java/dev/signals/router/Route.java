package dev.signals.router;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.delivery.SinkChannel;
import java.util.List;

/**
 * One routing rule: signals matching any of its patterns, at or above its minimum severity and
 * passing its filter, go to its sinks. Immutable; obtained from {@link Router#route} (remove
 * it with {@link #remove()}) or from a config file.
 */
public final class Route {

    private final List<RoutePattern> patterns;
    private final Severity minSeverity;
    private final RouteFilter filter;
    private final Sampler sampler;
    private final RateLimit rateLimit;
    private final List<SinkChannel> sinks;
    private final Router owner;

    Route(List<RoutePattern> patterns, Severity minSeverity, RouteFilter filter, Sampler sampler, RateLimit rateLimit,
          List<SinkChannel> sinks, Router owner) {
        this.patterns = List.copyOf(patterns);
        this.minSeverity = minSeverity;
        this.filter = filter;
        this.sampler = sampler;
        this.rateLimit = rateLimit;
        this.sinks = List.copyOf(sinks);
        this.owner = owner;
    }

    public List<RoutePattern> patterns() {
        return patterns;
    }

    public Severity minSeverity() {
        return minSeverity;
    }

    /** Names of the sinks this route feeds. */
    public List<String> sinkNames() {
        return sinks.stream().map(SinkChannel::name).toList();
    }

    List<SinkChannel> sinks() {
        return sinks;
    }

    /** The route's rate limit, or {@code null} when it has none. */
    RateLimit rateLimit() {
        return rateLimit;
    }

    /** The route's sampling, or {@code null} when it keeps every event. */
    Sampler sampler() {
        return sampler;
    }

    /** The route's filter, or {@code null} when it has none. */
    RouteFilter filter() {
        return filter;
    }

    /** True when this route takes {@code signal} (before any filter). */
    public boolean takes(Signal signal) {
        if (!signal.severity().isAtLeast(minSeverity)) {
            return false;
        }
        for (RoutePattern p : patterns) {
            if (p.matches(signal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes this route from its router. A sink left with no route is flushed and closed.
     *
     * @return false when the route was already removed
     */
    public boolean remove() {
        return owner.remove(this);
    }

    @Override
    public String toString() {
        return patterns + " >= " + minSeverity + " -> " + sinkNames();
    }

    /** The router this route belongs to. */
    Router owner() {
        return owner;
    }
}
