package dev.signals.slf4j;

import dev.signals.Severity;
import dev.signals.Signal;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A {@code java.util.logging} handler that turns each record into a Signals event, with the
 * logger name as field {@code logger}, the MDC entries, and the thrown exception as field
 * {@code error}. Levels become signals as {@code SEVERE} → ERROR, {@code WARNING} → WARN,
 * {@code INFO} → INFO, {@code CONFIG} and {@code FINE} → DEBUG, {@code FINER} and
 * {@code FINEST} → TRACE, through the same logger-name settings as SLF4J ({@link Slf4jSignals}).
 * A record whose signal is off or not routed is dropped before its message is formatted
 * ({@code {0}} parameters and resource bundles are applied only then).
 *
 * <p>{@link #install()} makes it the root logger's only handler. It can also be named in a
 * {@code logging.properties}: {@code handlers=dev.signals.slf4j.SignalsJulHandler}.
 */
public final class SignalsJulHandler extends Handler {

    private static final Formatter MESSAGES = new SimpleFormatter();
    private static final Object LOCK = new Object();
    // What install() replaced, for uninstall(); guarded by LOCK.
    private static SignalsJulHandler installed;
    private static Handler[] replaced;
    private static Level replacedLevel;

    /** A handler that passes every level on: what reaches a sink is for the routes to decide. */
    public SignalsJulHandler() {
        setLevel(Level.ALL);
    }

    /**
     * Makes a Signals handler the root logger's only handler and opens the root logger to every
     * level, so that what reaches a sink depends on the routes alone. A {@code logger.fine(...)}
     * call then costs a {@code LogRecord} and a route check even when DEBUG is not routed; use
     * {@link #install(Level)} to keep cheap levels out at the source. Idempotent.
     *
     * @return the handler in place
     */
    public static SignalsJulHandler install() {
        return install(Level.ALL);
    }

    /**
     * Like {@link #install()}, with the root logger at {@code rootLevel}: records below it are
     * refused by JUL itself, before any record is made.
     */
    public static SignalsJulHandler install(Level rootLevel) {
        synchronized (LOCK) {
            Logger root = LogManager.getLogManager().getLogger("");
            if (installed == null) {
                replaced = root.getHandlers();
                replacedLevel = root.getLevel();
                for (Handler h : replaced) {
                    root.removeHandler(h);
                }
                installed = new SignalsJulHandler();
                root.addHandler(installed);
            }
            root.setLevel(rootLevel);
            return installed;
        }
    }

    /**
     * Puts back the root handlers and level that {@link #install()} replaced.
     *
     * @return false when no handler was installed
     */
    public static boolean uninstall() {
        synchronized (LOCK) {
            if (installed == null) {
                return false;
            }
            Logger root = LogManager.getLogManager().getLogger("");
            root.removeHandler(installed);
            for (Handler h : replaced) {
                root.addHandler(h);
            }
            root.setLevel(replacedLevel);
            installed = null;
            replaced = null;
            replacedLevel = null;
            return true;
        }
    }

    /** The severity a JUL level stands for. */
    static Severity severityOf(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return Severity.ERROR;
        } else if (v >= Level.WARNING.intValue()) {
            return Severity.WARN;
        } else if (v >= Level.INFO.intValue()) {
            return Severity.INFO;
        } else if (v >= Level.FINE.intValue()) {
            return Severity.DEBUG;
        }
        return Severity.TRACE;
    }

    @Override
    public void publish(LogRecord record) {
        try {
            if (record == null || record.getLevel() == null) {
                return;
            }
            String logger = record.getLoggerName();
            Signal signal = Slf4jSignals.current().resolve(logger).forSeverity(severityOf(record.getLevel()));
            if (!LevelSignals.enabled(signal) || !isLoggable(record)) {
                return;
            }
            BridgeEvents.emit(signal, logger, MESSAGES.formatMessage(record), record.getThrown(), null, null);
        } catch (Throwable t) {
            BridgeEvents.reportOnce(t);
        }
    }

    @Override
    public void flush() {
        // Events are handed to the router as they come; sinks flush on the router's terms.
    }

    @Override
    public void close() {
        setLevel(Level.OFF);
    }
}
