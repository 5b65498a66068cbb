package dev.signals.sinks.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The file being written, opened for appending. Keeps its tail on a line boundary: a write
 * that fails half-way (a full disk accepts part of it) is cut back to the last whole line, so
 * a reader never meets a partial line that nothing will complete. After a failed write the
 * file is closed and must be {@linkplain #open reopened}: a stale handle never lingers.
 */
final class ActiveFile {

    private final Path path;
    private final FileChannel channel;
    private ByteBuffer wrapped;
    private final Object fileKey;
    private long committed;
    private boolean broken;
    // A failed write left bytes past `committed` that could not be cut at once.
    private boolean tailToCut;
    private boolean unsynced;

    private ActiveFile(Path path, FileChannel channel, Object fileKey, long committed) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
        this.committed = committed;
    }

    /**
     * Opens {@code path} for appending, creating it and its parent directories if need be.
     *
     * @param previous the file this one replaces after a failure, or {@code null}; when it
     *     left a partial line behind in the same file, that line is cut off first
     */
    static ActiveFile open(Path path, ActiveFile previous) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            long size = channel.size();
            if (previous != null && previous.tailToCut && key != null && key.equals(previous.fileKey)
                    && size > previous.committed) {
                channel.truncate(previous.committed);
                size = previous.committed;
            }
            return new ActiveFile(path, channel, key, size);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
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

    /** True when {@code other} (a path's attributes) is this very file, or when the file system cannot tell. */
    boolean isSameFile(BasicFileAttributes other) {
        return fileKey == null || Objects.equals(fileKey, other.fileKey());
    }

    /** Writes whole lines, all or nothing. */
    void write(byte[] bytes, int length) throws IOException {
        // The caller writes from the same array again and again: wrap it once.
        if (wrapped == null || wrapped.array() != bytes) {
            wrapped = ByteBuffer.wrap(bytes);
        }
        ByteBuffer data = wrapped;
        data.clear().limit(length);
        try {
            while (data.hasRemaining()) {
                channel.write(data);
            }
        } catch (IOException e) {
            if (data.position() > 0) {
                try {
                    channel.truncate(committed);
                } catch (IOException cut) {
                    tailToCut = true;
                    e.addSuppressed(cut);
                }
            }
            broken = true;
            closeQuietly(channel, e);
            throw e;
        }
        committed += length;
        unsynced = true;
    }

    /** Puts what was written on the disk, if anything was written since the last time. */
    void sync() throws IOException {
        if (unsynced && !broken) {
            channel.force(false);
            unsynced = false;
        }
    }

    void close() throws IOException {
        if (!broken) {
            broken = true;
            channel.close();
        }
    }

    /**
     * False when {@code path} no longer names this file (it was moved or deleted from outside).
     * When the path cannot be looked at, the file is assumed to be still there: writing to it
     * will tell.
     */
    boolean stillAt() {
        try {
            return isSameFile(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
