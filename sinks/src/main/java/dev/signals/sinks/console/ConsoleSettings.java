package dev.signals.sinks.console;

import dev.signals.router.spi.SinkSettings;
import java.io.PrintStream;

/** The options the console sink factories read. */
final class ConsoleSettings {

    static final String STREAM = "stream";
    static final String COLOR = "color";

    private ConsoleSettings() {
    }

    /** {@code "stream": "stdout" | "stderr"}, default stdout, taken as it is now. */
    static PrintStream stream(SinkSettings settings) {
        String stream = settings.choice(STREAM, "stdout", "stdout", "stderr");
        return "stderr".equals(stream) ? System.err : System.out;
    }

    /** {@code "color": true | false}; when absent, {@link ConsolePrettySink#colorByDefault()}. */
    static boolean color(SinkSettings settings) {
        return settings.has(COLOR) ? settings.bool(COLOR, false) : ConsolePrettySink.colorByDefault();
    }
}
