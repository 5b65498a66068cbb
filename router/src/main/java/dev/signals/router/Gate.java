package dev.signals.router;

import dev.signals.Event;

/**
 * A route's conditions beyond pattern and severity, for one signal: its filter and its
 * sampling window. Evaluated once per event, whatever the number of sinks the route feeds.
 */
final class Gate {

    static final int MISS = 0;
    static final int PASS = 1;
    static final int SAMPLED = 2;

    private final RouteFilter filter;
    private final Sampler.Window window;

    Gate(RouteFilter filter, Sampler.Window window) {
        this.filter = filter;
        this.window = window;
    }

    int test(Event event) {
        if (filter != null && !passes(event)) {
            return MISS;
        }
        return window == null || window.allow() ? PASS : SAMPLED;
    }

    private boolean passes(Event event) {
        try {
            return filter.test(event);
        } catch (RuntimeException e) {
            // A filter that throws lets the event through: better a line too many than one lost.
            return true;
        }
    }
}
