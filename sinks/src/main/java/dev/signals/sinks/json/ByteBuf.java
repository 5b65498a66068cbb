package dev.signals.sinks.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte array the generator writes into; reset, not reallocated, between events. */
final class ByteBuf extends OutputStream {

    private final int initialCapacity;
    private final int maxRetained;
    private byte[] bytes;
    private int size;

    ByteBuf(int initialCapacity, int maxRetained) {
        this.initialCapacity = initialCapacity;
        this.maxRetained = maxRetained;
        this.bytes = new byte[initialCapacity];
    }

    /** Empties the buffer; gives back the memory of an exceptionally large previous event. */
    void reset() {
        size = 0;
        if (bytes.length > maxRetained) {
            bytes = new byte[initialCapacity];
        }
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
        if (needed < 0) {
            throw new OutOfMemoryError("event line longer than 2 GiB");
        }
        if (needed > bytes.length) {
            int grown = bytes.length * 2;
            bytes = Arrays.copyOf(bytes, grown < needed ? needed : grown); // doubling overflow lands here too
        }
    }
}
