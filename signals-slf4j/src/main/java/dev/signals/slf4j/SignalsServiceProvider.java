package dev.signals.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider that sends every SLF4J call to Signals; registered in
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}, so putting this module on the
 * class path is all it takes (with no other provider there: SLF4J picks one and says so).
 */
public final class SignalsServiceProvider implements SLF4JServiceProvider {

    /** The SLF4J API version this provider is written against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    // Made at construction, not in initialize(): SLF4J may ask for the MDC adapter early.
    private final ILoggerFactory loggerFactory = new SignalsLoggerFactory();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = SignalsMdcAdapter.instance();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        // Everything is ready at construction; routes are the router's, read on each call.
    }
}
