package dev.signals.slf4j;

import java.util.ResourceBundle;
import org.slf4j.Logger;

/**
 * A {@code System.Logger} that hands its calls to the SLF4J provider in force, for when SLF4J
 * chose another backend than Signals: the JDK's logging then goes where the application's
 * does, instead of being split between two backends. Levels map as in {@link SignalsSystemLogger}.
 */
final class Slf4jSystemLogger implements System.Logger {

    private final Logger logger;

    Slf4jSystemLogger(Logger logger) {
        this.logger = logger;
    }

    @Override
    public String getName() {
        return logger.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        if (level == null) {
            return false;
        }
        switch (level) {
            case OFF: return false;
            case ERROR: return logger.isErrorEnabled();
            case WARNING: return logger.isWarnEnabled();
            case INFO: return logger.isInfoEnabled();
            case DEBUG: return logger.isDebugEnabled();
            default: return logger.isTraceEnabled();
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, SystemLoggerText.localize(bundle, msg), thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, SystemLoggerText.format(SystemLoggerText.localize(bundle, format), params), null);
        }
    }

    private void write(Level level, String text, Throwable thrown) {
        switch (level) {
            case ERROR: logger.error(text, thrown); break;
            case WARNING: logger.warn(text, thrown); break;
            case INFO: logger.info(text, thrown); break;
            case DEBUG: logger.debug(text, thrown); break;
            default: logger.trace(text, thrown); break;
        }
    }
}
