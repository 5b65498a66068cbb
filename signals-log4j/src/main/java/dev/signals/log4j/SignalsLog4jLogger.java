package dev.signals.log4j;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.slf4j.BridgeEvents;
import dev.signals.slf4j.LoggerSignals;
import java.io.ObjectStreamException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.AbstractLogger;

/**
 * A Log4j API logger whose calls become Signals events, with the logger name mapped to signals
 * and levels as for SLF4J ({@code dev.signals.slf4j.Slf4jSignals} and the config's
 * {@code "loggers"}). Levels: {@code FATAL} and {@code ERROR} → ERROR, {@code WARN} → WARN,
 * {@code INFO} → INFO, {@code DEBUG} → DEBUG, {@code TRACE} and {@code ALL} → TRACE; a custom
 * level takes the standard level it falls in. A level is enabled exactly when its signal is
 * on and routed, and a message is formatted only then. What an event carries is
 * {@link Log4jFields}'s.
 */
final class SignalsLog4jLogger extends AbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient LoggerSignals signals;

    SignalsLog4jLogger(String name, MessageFactory messageFactory) {
        super(name, messageFactory);
        this.signals = new LoggerSignals(name);
    }

    /**
     * A logger read back from a serialized object (a session, a cached value) becomes the
     * logger of its name here: what maps it to signals is not serialized, and a logger without
     * it would throw on its first call.
     */
    private Object readResolve() throws ObjectStreamException {
        return LogManager.getLogger(getName(), getMessageFactory());
    }

    /** The severity of a Log4j level, by its number ({@code ERROR} is 200, {@code TRACE} 600). */
    static Severity severity(Level level) {
        int n = level.intLevel();
        if (n <= Level.ERROR.intLevel()) {
            return Severity.ERROR; // FATAL too: the config's OFF (kept as FATAL) must silence it
        } else if (n <= Level.WARN.intLevel()) {
            return Severity.WARN;
        } else if (n <= Level.INFO.intLevel()) {
            return Severity.INFO;
        } else if (n <= Level.DEBUG.intLevel()) {
            return Severity.DEBUG;
        }
        return Severity.TRACE;
    }

    private Signal signal(Level level) {
        return level == null ? null : signals.signal(severity(level));
    }

    private boolean enabled(Level level) {
        return LoggerSignals.isEnabled(signal(level));
    }

    @Override
    public Level getLevel() {
        if (enabled(Level.TRACE)) {
            return Level.TRACE;
        } else if (enabled(Level.DEBUG)) {
            return Level.DEBUG;
        } else if (enabled(Level.INFO)) {
            return Level.INFO;
        } else if (enabled(Level.WARN)) {
            return Level.WARN;
        }
        return enabled(Level.ERROR) ? Level.ERROR : Level.OFF;
    }

    /** Called by {@link AbstractLogger} once the level was found enabled. */
    @Override
    public void logMessage(String fqcn, Level level, Marker marker, Message message, Throwable t) {
        try {
            Signal signal = signal(level);
            if (signal == null || message == null) {
                return; // the levels turned it off since it was checked
            }
            Log4jFields.emit(signal, getName(), marker, message, t);
        } catch (Throwable e) {
            BridgeEvents.reportOnce(e);
        }
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, Message message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, CharSequence message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, Object message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object... params) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6, Object p7) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6, Object p7, Object p8) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6, Object p7, Object p8, Object p9) {
        return enabled(level);
    }
}
