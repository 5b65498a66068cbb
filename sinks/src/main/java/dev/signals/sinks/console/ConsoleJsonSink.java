package dev.signals.sinks.console;

import dev.signals.Event;
import dev.signals.Sink;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.json.SinkEncoder;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes each event as one line of Event JSON ({@code docs/format.md}) to a stream, by
 * default the {@code System.out} of the moment the sink is made. Nothing else is ever written.
 *
 * <p>Thread-safe: one lock covers encoding and writing with a single reused
 * {@link EventJsonWriter}, and each line, {@code '\n'} included, goes out in one
 * {@code write} call, so lines from different threads never interleave. (The console is a
 * serial resource: writing dominates, and the lock keeps the hot path allocation-free.)
 */
public final class ConsoleJsonSink implements Sink {

    private final ConsoleStream out;
    private final SinkEncoder encoder = new SinkEncoder();

    /** A sink writing to {@code System.out} as it is now. */
    public ConsoleJsonSink() {
        this(System.out);
    }

    /** A sink writing to {@code out}, which it never closes. */
    public ConsoleJsonSink(OutputStream out) {
        this.out = new ConsoleStream(out);
    }

    /**
     * Writes the event's line.
     *
     * @throws IOException when the stream fails or, for a {@code PrintStream}, reports an error
     */
    @Override
    public void accept(Event event) throws IOException {
        synchronized (out) {
            EventJsonWriter w = encoder.writer();
            w.write(event, out);
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
