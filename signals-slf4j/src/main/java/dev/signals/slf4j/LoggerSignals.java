package dev.signals.slf4j;

/**
 * The signals of one named logger, kept resolved against the mapping in force: a log call
 * reads the cached set and compares its mapping with the current one, so that a change made
 * with {@link Slf4jSignals#map} reaches loggers created long before it.
 */
final class LoggerSignals {

    private final String name;
    private volatile LevelSignals signals;

    LoggerSignals(String name) {
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
}
