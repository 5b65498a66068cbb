package dev.signals.example.orders.sinks;

import dev.signals.Event;
import dev.signals.Sink;
import dev.signals.sinks.json.EventJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends events as Event JSON lines ({@code docs/format.md}) to one file, flushed when the
 * router flushes. The example's own minimal file sink, so that its business and audit files
 * exist with the sinks available today; the {@code file} sink of the {@code sinks} module
 * (rolling, self-healing) replaces it in {@code signals-full.json}.
 *
 * <p>Lines are gathered in a buffer and written only whole, each batch in one {@code write} to
 * a file opened for appending, so that the services of a multi-process run can share one file
 * without splitting each other's lines. Thread-safe.
 */
public final class JsonLinesFileSink implements Sink {

    private static final int BATCH = 1 << 16;

    private final Path path;
    private final EventJsonWriter writer = new EventJsonWriter();
    private final OutputStream out;
    private final byte[] pending = new byte[BATCH];
    private int size;

    /**
     * Opens {@code path} for appending, creating it and its directories.
     *
     * @throws IOException when the file cannot be opened
     */
    public JsonLinesFileSink(Path path) throws IOException {
        this.path = path;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    @Override
    public synchronized void accept(Event event) throws IOException {
        int length = writer.encode(event);
        if (size + length > pending.length) {
            drain();
        }
        if (length > pending.length) {
            out.write(writer.buffer(), 0, length);
            return;
        }
        System.arraycopy(writer.buffer(), 0, pending, size, length);
        size += length;
    }

    @Override
    public synchronized void flush() throws IOException {
        drain();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }

    private void drain() throws IOException {
        if (size > 0) {
            // On failure the lines stay pending and go with the next flush.
            out.write(pending, 0, size);
            size = 0;
        }
    }

    public Path path() {
        return path;
    }
}
