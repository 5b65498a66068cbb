package dev.signals.slf4j;

import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

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

    /**
     * The Signals logger of that name; a logger of the SLF4J provider in force when SLF4J chose
     * another backend (said once on stderr), so that the JDK's logging is not split from the
     * application's.
     */
    @Override
    public System.Logger getLogger(String name, Module module) {
        String key = name == null ? "" : name;
        if (!Slf4jBackend.isSignals()) {
            return new Slf4jSystemLogger(LoggerFactory.getLogger(key));
        }
        SignalsSystemLogger logger = loggers.get(key);
        return logger != null ? logger : loggers.computeIfAbsent(key, SignalsSystemLogger::new);
    }
}
