package dev.signals.sinks.console;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/**
 * Type {@code console-json}: a {@link ConsoleJsonSink}. Option: {@code "stream": "stdout" |
 * "stderr"} (default stdout).
 */
public final class ConsoleJsonSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "console-json";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        return new ConsoleJsonSink(ConsoleSettings.stream(settings));
    }
}
