package dev.signals.sinks.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array the generator writes into; reset, not reallocated, between events.
 * It never holds more than its limit: a write that would pass it throws {@link Full} and
 * leaves the bytes before it as they were.
 */
final class ByteBuf extends OutputStream {

    /** Thrown when a write would take the buffer past its limit. */
    static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full(int limit) {
            super("more than " + limit + " bytes", null, false, false);
        }
    }

    private final int initialCapacity;
    private final int maxRetained;
    private final int maxCapacity;
    private int limit;
    private byte[] bytes;
    private int size;
    // min(bytes.length, limit): one comparison tells a write that it fits.
    private int room;

    /** A buffer of at most {@code maxCapacity} bytes, which is also its limit until {@link #limit(int)}. */
    ByteBuf(int initialCapacity, int maxRetained, int maxCapacity) {
        this.initialCapacity = initialCapacity;
        this.maxRetained = maxRetained;
        this.maxCapacity = maxCapacity;
        this.limit = maxCapacity;
        this.bytes = new byte[initialCapacity];
        this.room = Math.min(initialCapacity, maxCapacity);
    }

    /** Empties the buffer; gives back the memory of an exceptionally large previous event. */
    void reset() {
        size = 0;
        if (bytes.length > maxRetained) {
            bytes = new byte[initialCapacity];
            room = Math.min(bytes.length, limit);
        }
    }

    /** Forgets everything written after the first {@code length} bytes. */
    void truncate(int length) {
        size = length;
    }

    /** From now on, at most {@code max} bytes (no more than the capacity given at construction). */
    void limit(int max) {
        limit = Math.min(max, maxCapacity);
        room = Math.min(bytes.length, limit);
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /** All of {@code b}. */
    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    /** Characters below 0x80, one byte each. */
    void writeAscii(char[] chars, int start, int end) {
        ensure(end - start);
        for (int i = start; i < end; i++) {
            bytes[size++] = (byte) chars[i];
        }
    }

    /** A long in decimal, without allocating. */
    void writeLong(long value) {
        ensure(20);
        size = NumberOutput.outputLong(value, bytes, size);
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed > room || needed < 0) {
            grow(needed);
        }
    }

    private void grow(int needed) {
        if (needed > limit || needed < 0) {
            throw new Full(limit);
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(needed, bytes.length * 2L), maxCapacity));
        }
        room = Math.min(bytes.length, limit);
    }
}
