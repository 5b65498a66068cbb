package dev.signals.slf4j;

import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link SignalsLogger} per name, made on first request and kept, as every SLF4J binding does. */
final class SignalsLoggerFactory implements ILoggerFactory {

    private final ConcurrentHashMap<String, SignalsLogger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
        String key = name == null ? Logger.ROOT_LOGGER_NAME : name;
        SignalsLogger logger = loggers.get(key);
        return logger != null ? logger : loggers.computeIfAbsent(key, SignalsLogger::new);
    }
}
