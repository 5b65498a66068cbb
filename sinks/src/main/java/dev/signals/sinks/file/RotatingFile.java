package dev.signals.sinks.file;

import dev.signals.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The file a file sink writes, shared by {@link FileSink} and {@link BufferedFileSink}: opened
 * at the first line, opened again after a fault or when moved away from outside, rotated by
 * size and time between two lines (rotated files go to the {@link Housekeeper}), and the whole
 * lines waiting to be written in one call.
 *
 * <p>Nothing stays broken: a failed open, write or rotation leaves the state such that the
 * next line tries again. Not thread-safe: the sinks call it under their lock.
 */
final class RotatingFile {

    /** How often the file's place is checked while lines are written: the bound on noticing it moved or removed. */
    static final long CHECK_INTERVAL_MILLIS = 1_000;

    private final Path path;
    private final long maxBytes;
    private final Rotation rotation;
    private final Fsync fsync;
    private final Clock clock;
    private final RotatedNames names;
    private final Housekeeper housekeeper;
    private final LineBuffer waiting = new LineBuffer();

    private ActiveFile file;
    private boolean started;
    private long nextRotationAt = Long.MAX_VALUE;
    private long checkedAt;
    private long nextCheckAt;
    private long linesWrittenAtCheck;
    private IOException unreportedLoss;

    // Written under the sink's lock, read by stats() from any thread.
    private volatile long linesWritten;
    private volatile long rotations;
    private volatile long writeFailures;
    private volatile long linesLostToRemovedFile;

    RotatingFile(Path path, long maxBytes, Rotation rotation, int maxFiles, boolean gzip, Fsync fsync, Clock clock) {
        this.path = path.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.rotation = rotation;
        this.fsync = fsync;
        this.clock = clock;
        this.names = new RotatedNames(this.path);
        this.housekeeper = new Housekeeper(names, maxFiles, gzip, fsync != Fsync.NEVER,
                "signals-file-housekeeper-" + this.path.getFileName());
    }

    Path path() {
        return path;
    }

    Fsync fsync() {
        return fsync;
    }

    /**
     * Makes the file ready for a line of {@code length} bytes: opens it if it is not open,
     * opens it again after a fault or when it was moved away, and rotates it when the line
     * belongs in a new file (the waiting lines are written first, to the old one).
     */
    void prepare(int length) throws IOException {
        long now = clock.millis();
        ensureOpen(now);
        if (rotationDue(now, length)) {
            rotate(now);
        }
    }

    /** Adds a line to those waiting; {@link #writeWaiting()} writes them. */
    void append(Event event, byte[] line, int length) {
        waiting.append(event, line, length);
    }

    int waitingBytes() {
        return waiting.size();
    }

    int waitingLines() {
        return waiting.lines();
    }

    /**
     * Writes the waiting lines in one call, all or none: when it fails none of them is in the
     * file, and they all stay waiting.
     */
    void writeWaiting() throws IOException {
        if (waiting.isEmpty()) {
            return;
        }
        if (file == null || file.broken()) {
            open();
        }
        try {
            file.write(waiting.array(), waiting.size());
        } catch (IOException e) {
            writeFailures++;
            throw e;
        }
        linesWritten += waiting.lines();
        waiting.clear();
    }

    /**
     * Writes one line straight from the caller's buffer, in one call, with no line waiting (the
     * synchronous file sink): no copy into the waiting lines first. On failure the line is not
     * in the file.
     */
    void writeNow(byte[] line, int length) throws IOException {
        if (!waiting.isEmpty()) {
            throw new IllegalStateException("lines are waiting: write them first");
        }
        if (file == null || file.broken()) {
            open();
        }
        try {
            file.write(line, length);
        } catch (IOException e) {
            writeFailures++;
            throw e;
        }
        linesWritten++;
    }

    /**
     * Gives up the waiting lines: they will not be written.
     *
     * @return their events, in the order they were appended
     */
    List<Event> discardWaiting() {
        List<Event> events = waiting.events();
        waiting.clear();
        return events;
    }

    /** Puts the lines written so far on the disk. */
    void sync() throws IOException {
        if (file == null) {
            return;
        }
        try {
            file.sync();
        } catch (IOException e) {
            writeFailures++;
            throw e;
        }
    }

    /** Syncs (unless {@code fsync} is {@code never}) and closes the file; waiting lines are not written. */
    void close() throws IOException {
        try {
            if (fsync != Fsync.NEVER) {
                sync();
            }
        } finally {
            ActiveFile f = file;
            file = null;
            if (f != null) {
                f.close();
            }
        }
    }

    /**
     * Finishes the background work on rotated files and stops its thread.
     *
     * @return a loss or a failure of that work not reported yet, or {@code null}
     */
    IOException stopHousekeeping() {
        housekeeper.close();
        return takeUnreported();
    }

    /**
     * A loss noticed since the last call (lines written to the file after it was removed) or a
     * failure of the background work, not reported yet; {@code null} if none. Each is handed
     * out once.
     */
    IOException takeUnreported() {
        IOException loss = unreportedLoss;
        unreportedLoss = null;
        IOException housekeeping = housekeeper.takeUnreported();
        if (loss == null) {
            return housekeeping;
        }
        if (housekeeping != null) {
            loss.addSuppressed(housekeeping);
        }
        return loss;
    }

    long linesWritten() {
        return linesWritten;
    }

    long rotations() {
        return rotations;
    }

    long writeFailures() {
        return writeFailures;
    }

    long linesLostToRemovedFile() {
        return linesLostToRemovedFile;
    }

    long housekeepingFailures() {
        return housekeeper.failures();
    }

    /**
     * Opens the file if it is not open, and reopens it if it failed, or if it was moved,
     * removed or replaced from outside. Where the file is, is checked at most once every
     * {@link #CHECK_INTERVAL_MILLIS} (and again whenever the clock goes back), not per line.
     */
    private void ensureOpen(long now) throws IOException {
        if (file != null && !file.broken()) {
            if (now < nextCheckAt && now >= checkedAt) {
                return;
            }
            if (atPath(now)) {
                return;
            }
        }
        if (!started) {
            rotateStaleFile(now);
            nextRotationAt = rotation.nextBoundary(now);
            started = true;
        }
        open();
    }

    /**
     * True when the open file is still at the path. Otherwise closes it, counting as lost the
     * lines written to it since the last check when it has no name left.
     */
    private boolean atPath(long now) {
        long sinceCheck = linesWritten - linesWrittenAtCheck;
        checked(now);
        ActiveFile.Whereabouts where = file.whereabouts();
        if (where == ActiveFile.Whereabouts.AT_PATH) {
            return true;
        }
        if (where == ActiveFile.Whereabouts.REMOVED && sinceCheck > 0) {
            linesLostToRemovedFile += sinceCheck;
            if (unreportedLoss == null) {
                unreportedLoss = new IOException(sinceCheck + " line(s) written to " + path
                        + " after it was removed from outside are lost; writing goes on in a new file at the path");
            }
        }
        closeQuietly(file); // start a new file at the path
        return false;
    }

    private void checked(long now) {
        checkedAt = now;
        nextCheckAt = now + CHECK_INTERVAL_MILLIS;
        linesWrittenAtCheck = linesWritten;
    }

    private void open() throws IOException {
        try {
            file = ActiveFile.open(path, file);
        } catch (IOException e) {
            writeFailures++;
            throw e;
        }
        checked(clock.millis());
    }

    /** At start, a file left from an earlier period (by a previous run) is rotated before writing on. */
    private void rotateStaleFile(long now) throws IOException {
        if (rotation == Rotation.NONE) {
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attrs.size() > 0 && attrs.lastModifiedTime().toMillis() < rotation.periodStart(now)) {
            moveAside(now);
        }
    }

    private boolean rotationDue(long now, int length) {
        long size = size();
        return (maxBytes > 0 && size > 0 && size + length > maxBytes) || now >= nextRotationAt;
    }

    /** Bytes in the current file, written and waiting. */
    private long size() {
        return (file == null || file.broken() ? 0 : file.size()) + waiting.size();
    }

    private void rotate(long now) throws IOException {
        if (size() == 0) {
            nextRotationAt = rotation.nextBoundary(now); // nothing to rotate in this period
            return;
        }
        writeWaiting();
        if (fsync != Fsync.NEVER) {
            sync();
        }
        moveAside(now);
        closeQuietly(file); // its lines are all written; the handle now names the rotated file
        file = null;
        nextRotationAt = rotation.nextBoundary(now);
        open();
    }

    /** Renames the file at {@code path} to its rotated name and hands it to the housekeeper. */
    private void moveAside(long now) throws IOException {
        Path target = names.next(Instant.ofEpochMilli(now));
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // removed from outside: nothing to rotate, a new file starts at the path
        } catch (IOException e) {
            writeFailures++;
            throw new IOException("cannot rotate " + path + " to " + target.getFileName() + ": " + e, e);
        }
        rotations++;
        housekeeper.requestPass();
    }

    private static void closeQuietly(ActiveFile f) {
        if (f == null) {
            return;
        }
        try {
            f.close();
        } catch (IOException e) {
            // Every line was written before; a failing close cannot change them.
        }
    }
}
