package dev.signals.router.delivery;

/** Why an event routed to a sink did not reach it. Every drop is counted under one reason. */
public enum DropReason {
    /** The sink's queue was full and its overflow policy let the event go. */
    OVERFLOW,
    /** The sink's circuit breaker was open and no fallback took the event. */
    CIRCUIT_OPEN,
    /** The sink threw (after any retries). */
    FAILURE,
    /** A sampling rule let the event go. */
    SAMPLED,
    /** A route's rate limit let the event go. */
    RATE_LIMITED,
    /**
     * The event was emitted by this sink's own delivery (its worker thread, or code it calls
     * while delivering) and is never routed back into it: that would feed on itself.
     */
    FEEDBACK,
    /** Emitted from inside deliveries nested {@value DeliveryStack#MAX_DEPTH} deep (sinks emitting into sinks). */
    NESTED,
    /** The router was shutting down and the deadline passed, or the sink had been closed. */
    SHUTDOWN
}
