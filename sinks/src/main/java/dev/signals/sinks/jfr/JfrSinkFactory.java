package dev.signals.sinks.jfr;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/**
 * Type {@code jfr}: a {@link JfrSink}. Option {@code "stackTrace"}: record the stack of the
 * thread that records each event (default {@code false}).
 */
public final class JfrSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "jfr";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        return new JfrSink(settings.bool("stackTrace", false));
    }
}
