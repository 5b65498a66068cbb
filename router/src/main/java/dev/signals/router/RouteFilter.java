package dev.signals.router;

import dev.signals.Event;

/**
 * A per-route condition beyond pattern and severity, such as field equality or sampling.
 * Called on the emitting thread for every matching event: keep it cheap and thread-safe.
 */
@FunctionalInterface
public interface RouteFilter {

    /** True to deliver the event along this route. */
    boolean test(Event event);
}
