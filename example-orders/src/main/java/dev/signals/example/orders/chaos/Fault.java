package dev.signals.example.orders.chaos;

import java.time.Duration;

/**
 * What chaos does to one request.
 *
 * @param delay how long the request is held before it is handled (latency, spike included)
 * @param spike whether the delay includes a latency spike
 * @param error whether the request then fails with 503 instead of being handled
 * @param outage whether the failure is due to an outage of the whole service
 */
public record Fault(Duration delay, boolean spike, boolean error, boolean outage) {

    /** Nothing injected. */
    public static final Fault NONE = new Fault(Duration.ZERO, false, false, false);
}
