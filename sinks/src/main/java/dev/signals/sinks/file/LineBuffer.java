package dev.signals.sinks.file;

import dev.signals.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole lines waiting to be written, in one array so that they leave in one write call, and
 * the events they encode, so that lines that cannot be written can be named to the router.
 */
final class LineBuffer {

    private static final int INITIAL_CAPACITY = 8_192;
    // An array grown past this by one huge line is given back once it has been written.
    private static final int MAX_RETAINED_CAPACITY = 1 << 20;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;
    private final List<Event> events = new ArrayList<>();

    /** Appends {@code event}, whose line is {@code line[0 .. length)}. */
    void append(Event event, byte[] line, int length) {
        int needed = size + length;
        if (needed < 0) {
            throw new OutOfMemoryError("pending lines exceed 2 GiB");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        System.arraycopy(line, 0, bytes, size, length);
        size = needed;
        events.add(event);
    }

    /** The events of the lines, in the order they were appended: a copy. */
    List<Event> events() {
        return List.copyOf(events);
    }

    void clear() {
        size = 0;
        events.clear();
        if (bytes.length > MAX_RETAINED_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    int lines() {
        return events.size();
    }

    boolean isEmpty() {
        return size == 0;
    }
}
