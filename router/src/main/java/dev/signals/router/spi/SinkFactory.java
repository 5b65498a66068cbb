package dev.signals.router.spi;

import dev.signals.Sink;

/**
 * Makes sinks of one {@code type} from their settings in a config file. Found through
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.signals.router.spi.SinkFactory}.
 *
 * <p>Read every option through {@link SinkSettings}: a key the factory never reads is refused
 * as unknown, and a bad value is refused with the file, line, column and key path, before any
 * route changes.
 */
public interface SinkFactory {

    /** The {@code "type"} this factory makes, such as {@code "console-json"}. */
    String type();

    /**
     * Makes a sink. Throw {@link SinkSettings#invalid} for a bad setting; any other exception
     * is reported as a failure to create the sink, and the config is refused.
     */
    Sink create(SinkSettings settings) throws Exception;
}
