package dev.signals.router;

import dev.signals.spi.LoggerLevels;
import java.time.Duration;
import java.util.Set;

/**
 * The top-level settings of a config file besides sinks and routes.
 *
 * @param redact field keys whose values every sink sees as {@code ***}
 * @param reloadInterval how often a config file is checked for changes; zero for never
 * @param statsInterval how often {@link RouterSignals#ROUTER_STATS} is emitted; zero for never
 * @param shutdownTimeout how long closing may take to drain queues and flush sinks
 * @param loggers levels for the logger names of bridged logging APIs
 * @param service the service this process runs, as {@code "service"} names it; {@code null} when absent
 */
record RouterOptions(Set<String> redact, Duration reloadInterval, Duration statsInterval, Duration shutdownTimeout,
                     LoggerLevels loggers, String service) {

    static final Duration DEFAULT_RELOAD = Duration.ofSeconds(5);
    static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(5);
    static final RouterOptions DEFAULTS = new RouterOptions(Set.of(), DEFAULT_RELOAD, Duration.ZERO, DEFAULT_SHUTDOWN,
            LoggerLevels.NONE, null);

    RouterOptions {
        redact = Set.copyOf(redact);
    }
}
