package dev.signals.slf4j;

import dev.signals.Severity;
import dev.signals.Signal;

/**
 * The signals of one named logger, kept resolved against the mapping in force: a log call
 * reads the cached set and compares its mapping with the current one, so that a change made
 * with {@link Slf4jSignals#map}, or a new config's {@code "loggers"} levels, reach loggers
 * created long before it.
 *
 * <p>Public for Signals' other bridges (the Log4j API provider in {@code signals-log4j}), so
 * that every bridged API maps logger names alike; application code has no use for it.
 */
public final class LoggerSignals {

    private final String name;
    private volatile LevelSignals signals;

    /** The signals of the logger {@code name}, following the mapping and levels in force. */
    public LoggerSignals(String name) {
        this.name = name;
        this.signals = Slf4jSignals.current().resolve(name);
    }

    LevelSignals get() {
        LevelSignals s = signals;
        SignalMapping now = Slf4jSignals.current();
        if (s.mapping != now) {
            s = now.resolve(name);
            signals = s;
        }
        return s;
    }

    /**
     * The signal a call at {@code severity} emits now, or {@code null} when the logger's level
     * turns it off; {@code FATAL} answers the ERROR signal.
     */
    public Signal signal(Severity severity) {
        return get().forSeverity(severity);
    }

    /** Whether {@code signal} (one {@link #signal} answered) is on and routed: the one check a disabled call costs. */
    public static boolean isEnabled(Signal signal) {
        return LevelSignals.enabled(signal);
    }
}
