package dev.signals.sinks.console;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/**
 * Type {@code console}: pretty lines when standard input and output are a terminal (a person is
 * watching), Event JSON otherwise (a pipe or a log collector). Options: {@code "stream": "stdout" | "stderr"}
 * (default stdout) and {@code "color": true | false} for the pretty case (default: auto).
 */
public final class ConsoleSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "console";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        return create(settings, Terminal.attached());
    }

    static Sink create(SinkSettings settings, boolean terminal) {
        // Read every option whichever sink is made, so a valid config never depends on the terminal.
        var stream = ConsoleSettings.stream(settings);
        boolean color = ConsoleSettings.color(settings);
        return terminal ? new ConsolePrettySink(stream, color) : new ConsoleJsonSink(stream);
    }
}
