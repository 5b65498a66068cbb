package dev.signals.router.delivery;

import dev.signals.Event;

/**
 * How a sink's delivery reports about itself (failures, breaker transitions): the router
 * delivers the report to every routed sink except the one it is about, so a broken sink never
 * receives reports of its own breakage and reporting never recurses into it.
 */
@FunctionalInterface
public interface Notifier {

    void notifyExcept(Event report, SinkChannel about);
}
