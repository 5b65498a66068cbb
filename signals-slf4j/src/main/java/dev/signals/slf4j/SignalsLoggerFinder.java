package dev.signals.slf4j;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the JDK's own logging ({@code System.getLogger}, and the platform loggers of the JDK's
 * modules) to Signals; registered in {@code META-INF/services/java.lang.System$LoggerFinder}.
 * The logger's {@code isLoggable} answers from the route table, so JDK code skips what nobody
 * listens to before building a message.
 */
public final class SignalsLoggerFinder extends System.LoggerFinder {

    private final ConcurrentHashMap<String, SignalsSystemLogger> loggers = new ConcurrentHashMap<>();

    /** Called by the JDK's service lookup. */
    public SignalsLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        String key = name == null ? "" : name;
        SignalsSystemLogger logger = loggers.get(key);
        return logger != null ? logger : loggers.computeIfAbsent(key, SignalsSystemLogger::new);
    }
}
