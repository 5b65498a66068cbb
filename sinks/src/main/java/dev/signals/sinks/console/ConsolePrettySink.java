package dev.signals.sinks.console;

import dev.signals.Event;
import dev.signals.Sink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Writes each event as one line for people, by default to the {@code System.out} of the
 * moment the sink is made:
 *
 * <pre>12:00:01.123 INFO  ORDER_CREATED Order created order_id=o-1 items=2</pre>
 *
 * <p>Local time of day ({@code HH:mm:ss.SSS}), the severity padded to five characters, the
 * signal (left out when it is the level itself, as for {@code Signals.info}), the message,
 * then {@code key=value} for each field that is not shadowed, and {@code trace_id=} with the
 * first 8 characters of the trace id when there is one. A string value is quoted and escaped
 * when it holds a space, a quote, {@code =}, a backslash or a control character; a secret shows
 * as {@code ***}; a duration as {@code 1.5s}, {@code 250ms}, {@code 12µs}; lists, maps and
 * records as compact JSON; an error as {@code error=IllegalStateException: message}, its stack
 * trace following on indented lines. Nothing in a value can start a new line at the margin,
 * nor send an escape sequence to the terminal.
 *
 * <p>Pretty output is for humans and may change; machines read {@link ConsoleJsonSink}'s JSON.
 * Colour (ANSI) only when asked for. Output is UTF-8. Thread-safe: each event is formatted
 * on the calling thread and written whole with one {@code write} call.
 */
public final class ConsolePrettySink implements Sink {

    private final ConsoleStream out;
    private final PrettyFormatter formatter;

    /** {@code System.out} as it is now, no colour, the system time zone. */
    public ConsolePrettySink() {
        this(System.out, false);
    }

    /** {@code out}, which the sink never closes, in the system time zone. */
    public ConsolePrettySink(OutputStream out, boolean color) {
        this(out, color, ZoneId.systemDefault());
    }

    /** {@code out}, which the sink never closes, with times shown in {@code zone}. */
    public ConsolePrettySink(OutputStream out, boolean color, ZoneId zone) {
        this.out = new ConsoleStream(out);
        this.formatter = new PrettyFormatter(Objects.requireNonNull(zone, "zone"), color);
    }

    /**
     * Whether colour suits the console by default: only when standard input and output are a
     * terminal and the {@code NO_COLOR} environment variable is not set.
     */
    public static boolean colorByDefault() {
        return colorByDefault(Terminal.attached(), System.getenv("NO_COLOR"));
    }

    static boolean colorByDefault(boolean terminal, String noColor) {
        return terminal && noColor == null;
    }

    @Override
    public void accept(Event event) throws IOException {
        byte[] text = formatter.format(event).getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(text, 0, text.length);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (out) {
            out.flush();
        }
    }

    /** Flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
