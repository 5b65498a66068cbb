package dev.signals.router;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.spi.Failures;
import java.io.PrintStream;

/**
 * A route's conditions beyond pattern and severity, for one signal: its filter, its sampling
 * window and its rate limit, in that order. Evaluated once per event, whatever the number of
 * sinks the route feeds.
 */
final class Gate {

    static final int MISS = 0;
    static final int PASS = 1;
    static final int SAMPLED = 2;
    static final int RATE_LIMITED = 3;

    private final RouteFilter filter;
    private final Sampler.Window window;
    private final RateLimit rateLimit;
    private final PrintStream err;
    /** A failing filter is said once per route table and signal, not once per event. */
    private volatile boolean failureReported;

    Gate(Route route, Signal signal) {
        this.filter = route.filter();
        this.window = route.sampler() == null ? null : route.sampler().windowFor(signal);
        this.rateLimit = route.rateLimit();
        this.err = route.owner().err();
    }

    /** Whether {@code route} has conditions that need a gate. */
    static boolean needed(Route route) {
        return route.filter() != null || route.sampler() != null || route.rateLimit() != null;
    }

    int test(Event event) {
        if (filter != null && !passes(event)) {
            return MISS;
        }
        if (window != null && !window.allow()) {
            return SAMPLED;
        }
        return rateLimit == null || rateLimit.allow() ? PASS : RATE_LIMITED;
    }

    private boolean passes(Event event) {
        try {
            return filter.test(event);
        } catch (Throwable e) {
            // A filter that throws (an Error too: a missing class, a stack overflow) lets the event
            // through: better a line too many than one lost, and never the other routes' events.
            if (!failureReported) {
                failureReported = true;
                err.println("Signals: a route filter failed for " + event.signal().name() + " ("
                        + Failures.describe(e) + "); its events pass unfiltered");
            }
            return true;
        }
    }
}
