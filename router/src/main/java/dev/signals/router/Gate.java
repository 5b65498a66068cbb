package dev.signals.router;

import dev.signals.Event;
import dev.signals.spi.Failures;
import java.io.PrintStream;

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
    private final PrintStream err;
    /** A failing filter is said once per route table and signal, not once per event. */
    private volatile boolean failureReported;

    Gate(RouteFilter filter, Sampler.Window window, PrintStream err) {
        this.filter = filter;
        this.window = window;
        this.err = err;
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
