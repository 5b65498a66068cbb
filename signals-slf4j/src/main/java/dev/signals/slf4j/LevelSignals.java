package dev.signals.slf4j;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;

/**
 * The five signals a logger emits, one per level (TRACE to ERROR), as resolved by one
 * {@link SignalMapping}; {@code null} for a level that the logger's minimum severity turns off.
 * Immutable; {@link #mapping} tells which mapping it belongs to, so a logger can see at once
 * when the mapping has changed.
 */
final class LevelSignals {

    final SignalMapping mapping;
    private final Signal[] bySeverity;

    LevelSignals(SignalMapping mapping, Signal trace, Signal debug, Signal info, Signal warn, Signal error) {
        this.mapping = mapping;
        this.bySeverity = new Signal[] {trace, debug, info, warn, error};
    }

    /** The plain level signals, {@code Signal.TRACE} to {@code Signal.ERROR}. */
    static LevelSignals levels(SignalMapping mapping) {
        return new LevelSignals(mapping, Signal.TRACE, Signal.DEBUG, Signal.INFO, Signal.WARN, Signal.ERROR);
    }

    /** True when {@code signal} is on and routed: the one check a disabled level costs. */
    static boolean enabled(Signal signal) {
        return signal != null && Signals.isRouted(signal);
    }

    /** The signal for a severity, or {@code null} when off; {@code FATAL}, which no bridged API has, takes the ERROR one. */
    Signal forSeverity(Severity severity) {
        int i = severity.ordinal();
        return bySeverity[Math.min(i, bySeverity.length - 1)];
    }

    Signal trace() {
        return bySeverity[0];
    }

    Signal debug() {
        return bySeverity[1];
    }

    Signal info() {
        return bySeverity[2];
    }

    Signal warn() {
        return bySeverity[3];
    }

    Signal error() {
        return bySeverity[4];
    }
}
