package dev.signals.live;

import dev.signals.Severity;
import dev.signals.Signal;

/** The signals the live sink emits about itself. */
public final class LiveSignals {

    /** A live sink started serving; fields {@code sink} and {@code url}. */
    public static final Signal LIVE_STARTED = Signal.of("LIVE_STARTED", Severity.INFO);

    private LiveSignals() {
    }
}
