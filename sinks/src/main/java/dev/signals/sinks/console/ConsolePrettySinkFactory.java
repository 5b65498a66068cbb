package dev.signals.sinks.console;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/**
 * Type {@code console-pretty}: a {@link ConsolePrettySink}. Options: {@code "stream":
 * "stdout" | "stderr"} (default stdout) and {@code "color": true | false} (default: on when
 * the JVM has a console and {@code NO_COLOR} is not set).
 */
public final class ConsolePrettySinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "console-pretty";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        return new ConsolePrettySink(ConsoleSettings.stream(settings), ConsoleSettings.color(settings));
    }
}
