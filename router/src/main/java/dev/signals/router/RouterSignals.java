package dev.signals.router;

import dev.signals.Severity;
import dev.signals.Signal;

/** The signals the router itself emits about its own health and configuration. */
public final class RouterSignals {

    /** A sink threw; fields {@code sink}, {@code failures} (since the last report), {@code error}. */
    public static final Signal SINK_FAILED = Signal.of("SINK_FAILED", Severity.ERROR);

    /** A sink's circuit breaker opened: the sink is not called until a probe succeeds. */
    public static final Signal SINK_CIRCUIT_OPENED = Signal.of("SINK_CIRCUIT_OPENED", Severity.WARN);

    /** A sink's circuit breaker closed again after a successful probe. */
    public static final Signal SINK_CIRCUIT_CLOSED = Signal.of("SINK_CIRCUIT_CLOSED", Severity.INFO);

    /** A config file (at start or on reload) was refused; fields {@code source}, {@code error}. */
    public static final Signal CONFIG_REJECTED = Signal.of("CONFIG_REJECTED", Severity.ERROR);

    /** A config file was applied; fields {@code source}, {@code sinks}, {@code routes}. */
    public static final Signal CONFIG_APPLIED = Signal.of("CONFIG_APPLIED", Severity.DEBUG);

    /** The router's own figures, emitted periodically when {@code statsIntervalMs} is set. */
    public static final Signal ROUTER_STATS = Signal.of("ROUTER_STATS", Severity.DEBUG);

    private RouterSignals() {
    }
}
