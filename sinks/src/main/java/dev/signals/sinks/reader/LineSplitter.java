package dev.signals.sinks.reader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into {@code '\n'}-terminated lines, keeping each line's offset in the
 * stream. A line is valid in {@link #array()} from {@link #lineStart()} for
 * {@link #lineLength()} bytes until the next call. Lines longer than {@link #MAX_LINE} are
 * refused, so garbage without newlines cannot exhaust memory.
 */
final class LineSplitter {

    /** The longest line accepted: 64 MiB. */
    static final int MAX_LINE = 64 << 20;

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;       // start of unread data
    private int end;         // end of data in buf
    private long bufOffset;  // stream offset of buf[0]
    private boolean eof;
    private int lineStart;
    private int lineLength;

    LineSplitter(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line.
     *
     * @return true with a line ready, false at a clean end of the stream
     * @throws IncompleteLine when the stream ends inside a line
     * @throws LineTooLong when a line exceeds {@link #MAX_LINE}
     * @throws IOException when the stream fails
     */
    boolean next() throws IOException {
        int scan = start;
        for (;;) {
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    lineStart = start;
                    lineLength = i - start;
                    start = i + 1;
                    return true;
                }
            }
            scan = end;
            if (eof) {
                if (start == end) {
                    return false;
                }
                throw new IncompleteLine(offset());
            }
            if (end - start >= MAX_LINE) {
                throw new LineTooLong(offset());
            }
            if (end == buf.length) {
                int scanned = scan - start;
                if (start > 0) {
                    // Move the partial line to the front before growing.
                    System.arraycopy(buf, start, buf, 0, end - start);
                    bufOffset += start;
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, MAX_LINE + 1L));
                }
                scan = start + scanned;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    byte[] array() {
        return buf;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    /** The stream offset of the current line's first byte. */
    long lineOffset() {
        return bufOffset + lineStart;
    }

    /** The stream offset of the first byte not yet returned in a line. */
    long offset() {
        return bufOffset + start;
    }

    /** The stream ended inside a line. */
    static final class IncompleteLine extends IOException {
        private static final long serialVersionUID = 1L;
        final long offset;

        IncompleteLine(long offset) {
            super("the content ends inside a line (no final newline)");
            this.offset = offset;
        }
    }

    /** A line is longer than {@link #MAX_LINE}. */
    static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        final long offset;

        LineTooLong(long offset) {
            super("a line is longer than " + MAX_LINE + " bytes");
            this.offset = offset;
        }
    }
}
