package dev.signals.log4j;

import java.net.URI;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;

/**
 * One logger context for the whole JVM, whatever the class loader or configuration asked for:
 * Signals' routes and levels are global ({@code Router.global()}), so there is nothing to keep
 * apart per context.
 */
public final class SignalsLoggerContextFactory implements LoggerContextFactory {

    private static final SignalsLoggerContext CONTEXT = new SignalsLoggerContext();

    /** Made by {@link SignalsLog4jProvider}. */
    public SignalsLoggerContextFactory() {
    }

    @Override
    public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext) {
        return CONTEXT;
    }

    @Override
    public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext,
                                    URI configLocation, String name) {
        return CONTEXT;
    }

    @Override
    public void removeContext(LoggerContext context) {
        // The one context lives as long as the JVM.
    }

    @Override
    public boolean isClassLoaderDependent() {
        return false;
    }
}
