package dev.signals.log4j;

import org.apache.logging.log4j.spi.Provider;

/**
 * The Log4j API's entry point into Signals, found by the Log4j API through {@code ServiceLoader}:
 * loggers from {@link SignalsLoggerContextFactory}, and {@code ThreadContext} kept in Signals'
 * MDC ({@link SignalsThreadContextMap}).
 *
 * <p>Its priority, {@value #PRIORITY}, is above Log4j Core's (10) and log4j-to-slf4j's (15): with
 * either also on the class path, the Log4j API picks Signals. {@code -Dlog4j.provider=} with a
 * provider's class name pins the choice.
 */
public final class SignalsLog4jProvider extends Provider {

    /** The priority among Log4j API providers; the highest wins. */
    public static final int PRIORITY = 20;

    /** The Log4j API versions this provider implements. */
    private static final String API_VERSIONS = "2.6.0";

    /** Made by the Log4j API's service loading. */
    public SignalsLog4jProvider() {
        super(PRIORITY, API_VERSIONS, SignalsLoggerContextFactory.class, SignalsThreadContextMap.class);
    }
}
