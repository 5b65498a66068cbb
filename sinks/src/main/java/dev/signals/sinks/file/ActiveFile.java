package dev.signals.sinks.file;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The file being written. Keeps its tail on a line boundary: a write that fails half-way (a
 * full disk accepts part of it) is cut back to the last whole line, so a reader never meets a
 * partial line that nothing will complete. After a failed write the file is closed and must be
 * {@linkplain #open reopened}: a stale handle never lingers.
 *
 * <p>Written through a {@link RandomAccessFile}, never a {@code FileChannel}: an interrupt
 * closes any {@code FileChannel} the interrupted thread touches, which would lose the line of
 * every thread that logs while interrupted (a server's acceptor during its stop). Writes,
 * syncs and cuts here ignore the interrupt and leave the thread's flag as it was.
 */
final class ActiveFile {

    private final Path path;
    private final RandomAccessFile file;
    private final Object fileKey;
    private long committed;
    private boolean broken;
    // A failed write left bytes past `committed` that could not be cut at once.
    private boolean tailToCut;
    private boolean unsynced;

    private ActiveFile(Path path, RandomAccessFile file, Object fileKey, long committed) {
        this.path = path;
        this.file = file;
        this.fileKey = fileKey;
        this.committed = committed;
    }

    /**
     * Opens {@code path} for writing at its end, creating it and its parent directories if need
     * be. Only a regular file is opened: anything else at the path (a FIFO, a device, a socket,
     * a directory) is refused without waiting on it.
     *
     * @param previous the file this one replaces after a failure, or {@code null}; when it
     *     left a partial line behind in the same file, that line is cut off first
     * @throws NotRegularFileException when something other than a regular file is at the path
     */
    static ActiveFile open(Path path, ActiveFile previous) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        NotRegularFileException.check(path);
        // Read-write, not write-only: on Linux such an open never waits, even on a FIFO put at
        // the path after the check above; the seek below then refuses it.
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            BasicFileAttributes attrs = NotRegularFileException.check(path);
            Object key = attrs == null ? null : attrs.fileKey();
            long size = file.length();
            file.seek(size); // a FIFO, a socket or a terminal cannot seek
            if (previous != null && previous.tailToCut && key != null && key.equals(previous.fileKey)
                    && size > previous.committed) {
                file.setLength(previous.committed);
                size = previous.committed;
                file.seek(size);
            }
            return new ActiveFile(path, file, key, size);
        } catch (IOException | RuntimeException e) {
            closeQuietly(file, e);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The bytes in the file: whole lines only. */
    long size() {
        return committed;
    }

    /** True after a failed write: the file is closed and must be reopened. */
    boolean broken() {
        return broken;
    }

    /** Writes whole lines, all or nothing. */
    void write(byte[] bytes, int length) throws IOException {
        try {
            file.write(bytes, 0, length);
        } catch (IOException e) {
            try {
                if (file.length() > committed) {
                    file.setLength(committed);
                }
            } catch (IOException cut) {
                tailToCut = true;
                e.addSuppressed(cut);
            }
            broken = true;
            closeQuietly(file, e);
            throw e;
        }
        committed += length;
        unsynced = true;
    }

    /** Puts what was written on the disk, if anything was written since the last time. */
    void sync() throws IOException {
        if (unsynced && !broken) {
            file.getFD().sync();
            unsynced = false;
        }
    }

    void close() throws IOException {
        if (!broken) {
            broken = true;
            file.close();
        }
    }

    /**
     * Where this file is now: still at its path (and then, when it was cut short from outside,
     * as by {@code logrotate}'s {@code copytruncate}, the next line goes to its new end), moved
     * elsewhere, or removed. When the path cannot be looked at (its directory replaced by a
     * file), the file is not at its path: reopening it will tell whether the path can be written.
     */
    Whereabouts whereabouts() {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (attrs.isRegularFile() && (fileKey == null || Objects.equals(fileKey, attrs.fileKey()))) {
                if (attrs.size() < committed) {
                    committed = attrs.size();
                    file.seek(committed);
                }
                return Whereabouts.AT_PATH;
            }
        } catch (NoSuchFileException e) {
            // removed or moved: told apart below
        } catch (IOException e) {
            // not reachable at its path: told apart below
        }
        return fileKey != null && OpenFileLinks.count(fileKey) == 0 ? Whereabouts.REMOVED : Whereabouts.ELSEWHERE;
    }

    /** Where a file being written is, seen from its path. */
    enum Whereabouts {
        /** The path names this file. */
        AT_PATH,
        /** The path no longer names this file, which still exists elsewhere (moved away), or may. */
        ELSEWHERE,
        /** The file has no name left anywhere: what is written to it is lost. */
        REMOVED
    }

    private static void closeQuietly(RandomAccessFile file, Exception failure) {
        try {
            file.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
