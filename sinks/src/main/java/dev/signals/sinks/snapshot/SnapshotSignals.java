package dev.signals.sinks.snapshot;

import dev.signals.Severity;
import dev.signals.Signal;

/** The signals snapshot sinks make themselves. */
public final class SnapshotSignals {

    /**
     * A thread died of an exception no code caught. Made by a snapshot sink with
     * {@code "onUncaughtException": true} and written as the last event (and trigger) of the
     * snapshot it takes; fields {@code error} and {@code thread_id}.
     */
    public static final Signal UNCAUGHT_EXCEPTION = Signal.of("UNCAUGHT_EXCEPTION", Severity.FATAL);

    private SnapshotSignals() {
    }
}
