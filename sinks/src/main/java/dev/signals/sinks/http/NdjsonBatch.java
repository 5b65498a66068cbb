package dev.signals.sinks.http;

import dev.signals.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The events waiting to be posted: their lines back to back (an NDJSON body), and the events
 * themselves, so that a batch that fails can name them to the router.
 */
final class NdjsonBatch {

    private static final int INITIAL_CAPACITY = 16 * 1024;
    // An array grown past this by a big batch is given back once the batch has left.
    private static final int MAX_RETAINED_CAPACITY = 4 << 20;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;
    private final List<Event> events = new ArrayList<>();

    /** Adds {@code event}, whose line is {@code line[0 .. length)}. */
    void add(Event event, byte[] line, int length) {
        int needed = size + length;
        if (needed < 0) {
            throw new OutOfMemoryError("batch exceeds 2 GiB");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        System.arraycopy(line, 0, bytes, size, length);
        size = needed;
        events.add(event);
    }

    int events() {
        return events.size();
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** The events of the batch, in the order they were added: a copy. */
    List<Event> eventList() {
        return List.copyOf(events);
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** The body compressed with gzip. */
    byte[] gzipped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8_192)) {
            gz.write(bytes, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the target is in memory
        }
        return out.toByteArray();
    }

    void clear() {
        size = 0;
        events.clear();
        if (bytes.length > MAX_RETAINED_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
    }
}
