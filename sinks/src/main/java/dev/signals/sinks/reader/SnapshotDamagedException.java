package dev.signals.sinks.reader;

import java.io.IOException;

/**
 * A snapshot file that cannot be read on from some point: truncated, corrupted, or not a
 * snapshot at all. Everything read before the damage is good (LZ4 blocks are checksummed);
 * the message names the byte offset in the file where reading stopped.
 */
public final class SnapshotDamagedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long fileOffset;
    private final long contentOffset;
    private final String problem;

    /**
     * @param fileOffset how many bytes of the file had been read when the damage showed
     * @param contentOffset the offset in the decompressed content of the line being read, or -1
     * @param problem what is wrong
     */
    public SnapshotDamagedException(String file, long fileOffset, long contentOffset, String problem, Throwable cause) {
        super(file + ": damaged at byte " + fileOffset
                + (contentOffset >= 0 ? " (decompressed offset " + contentOffset + ")" : "") + ": " + problem, cause);
        this.fileOffset = fileOffset;
        this.contentOffset = contentOffset;
        this.problem = problem;
    }

    /** The byte offset in the file at which reading stopped. */
    public long fileOffset() {
        return fileOffset;
    }

    /** The offset, in the decompressed content, of the line being read; -1 when not known. */
    public long contentOffset() {
        return contentOffset;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
