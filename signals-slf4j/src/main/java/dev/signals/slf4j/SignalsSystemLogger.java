package dev.signals.slf4j;

import dev.signals.Signal;
import java.util.ResourceBundle;

/**
 * A {@code System.Logger} whose calls become Signals events. Levels: {@code ERROR} → ERROR,
 * {@code WARNING} → WARN, {@code INFO} → INFO, {@code DEBUG} → DEBUG, {@code TRACE} and
 * {@code ALL} → TRACE ({@code OFF} is never logged), through the logger-name settings of
 * {@link Slf4jSignals}. {@link #isLoggable} answers from the route table.
 */
final class SignalsSystemLogger implements System.Logger {

    private final String name;
    private final LoggerSignals signals;

    SignalsSystemLogger(String name) {
        this.name = name;
        this.signals = new LoggerSignals(name);
    }

    @Override
    public String getName() {
        return name;
    }

    private Signal signal(Level level) {
        LevelSignals s = signals.get();
        switch (level) {
            case ERROR: return s.error();
            case WARNING: return s.warn();
            case INFO: return s.info();
            case DEBUG: return s.debug();
            case OFF: return null;
            default: return s.trace();
        }
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != null && LevelSignals.enabled(signal(level));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        try {
            if (isLoggable(level)) {
                BridgeEvents.emit(signal(level), name, SystemLoggerText.localize(bundle, msg), thrown, null, null);
            }
        } catch (Throwable t) {
            BridgeEvents.reportOnce(t);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        try {
            if (isLoggable(level)) {
                String text = SystemLoggerText.format(SystemLoggerText.localize(bundle, format), params);
                BridgeEvents.emit(signal(level), name, text, null, null, null);
            }
        } catch (Throwable t) {
            BridgeEvents.reportOnce(t);
        }
    }
}
