package dev.signals.kafka;

import java.nio.file.Path;
import java.util.BitSet;

/**
 * One file of the spool: the records {@code base .. base + count - 1}, in order. Deleted once
 * sealed (no longer written) and every record in it acknowledged. Guarded by the spool's lock.
 */
final class Segment {

    private static final String SUFFIX = ".spool";

    final long base;
    final Path path;
    long count;
    /** Bytes of records in the segment, written to the file or still buffered. */
    long bytes;
    /** Bytes written to the file: what a reader may read. */
    long fileBytes;
    boolean sealed;
    boolean deleted;
    private final BitSet acked = new BitSet();
    private int ackedCount;

    Segment(Path directory, long base) {
        this.base = base;
        this.path = directory.resolve(name(base));
    }

    /** A file name that sorts by base: twenty digits. */
    static String name(long base) {
        return String.format("%020d%s", base, SUFFIX);
    }

    /** The base a segment file name encodes, or -1 when the name is not a segment's. */
    static long baseOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() != 20 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseLong(fileName.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean holds(long offset) {
        return offset >= base && offset < base + count;
    }

    /** Marks a record acknowledged; false when it already was. */
    boolean acknowledge(long offset) {
        int i = (int) (offset - base);
        if (acked.get(i)) {
            return false;
        }
        acked.set(i);
        ackedCount++;
        return true;
    }

    boolean isAcknowledged(long offset) {
        return acked.get((int) (offset - base));
    }

    boolean fullyAcknowledged() {
        return ackedCount == count;
    }

    /** Records not acknowledged. */
    long unacknowledged() {
        return count - ackedCount;
    }
}
