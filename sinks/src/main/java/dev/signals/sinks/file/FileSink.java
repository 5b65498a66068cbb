package dev.signals.sinks.file;

import dev.signals.Event;
import dev.signals.Sink;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.json.SinkEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Writes events as lines of Event JSON ({@code docs/format.md}) to a file, rotated by size
 * and/or time, with old files compressed and deleted in the background; each line is written
 * before {@code accept} returns. For a sink routed {@code async}, {@link BufferedFileSink}
 * (from {@link Builder#buildBuffered}) gathers lines and writes them in large writes.
 *
 * <p><b>Whole lines.</b> Each write call carries one whole line, so a reader tailing the file
 * never sees half an event; a rotation happens between two events, never inside one, and an
 * event larger than {@code maxBytes} gets a file of its own.
 *
 * <p><b>Threads.</b> Lines are written under a lock, so any number of threads may call
 * {@code accept}: the sink suits synchronous routes.
 *
 * <p><b>Faults.</b> When the file cannot be opened, written, synced or rotated (a directory
 * made read-only, a full disk, no file handles left), {@code accept} throws and the event is
 * not taken: the router counts it, reports {@code SINK_FAILED}, opens the breaker and diverts
 * to the fallback as configured. Nothing stays broken: the next event (or the breaker's probe)
 * opens, writes or rotates again, so writing resumes by itself when the fault clears. A write
 * that a full disk cut short is cut back to the last whole line. The file is also reopened
 * when it is moved, removed or replaced from outside (checked at most once a second, at the
 * next line); lines written to a removed file meanwhile are counted in
 * {@link FileSinkStats#linesLostToRemovedFile()} and reported by the next {@code flush()}.
 * Only a regular file is written: a FIFO, device or socket at the path fails each line
 * ({@link NotRegularFileException}) without ever waiting on it.
 *
 * <p><b>Interrupts.</b> A thread that logs while interrupted has its line written like any
 * other; the file stays open and the thread's interrupt flag stays set.
 *
 * <p>Counting: see {@link FileSinkStats}.
 */
public final class FileSink implements Sink {

    /** Rotated files kept when not configured. */
    public static final int DEFAULT_MAX_FILES = 10;

    private final Object lock = new Object();
    private final RotatingFile file;
    private final SinkEncoder encoder = new SinkEncoder();

    // Guarded by `lock`.
    private boolean closed;

    // Written under `lock`, read by stats() from any thread.
    private volatile long accepted;
    private volatile long refused;

    private FileSink(RotatingFile file) {
        this.file = file;
    }

    /** A builder for a sink writing to {@code path} (relative paths are relative to the working directory). */
    public static Builder builder(Path path) {
        return new Builder(path);
    }

    /** The file written to. */
    public Path path() {
        return file.path();
    }

    /**
     * Writes the event's line (and, with {@link Fsync#ALWAYS}, syncs it).
     *
     * @throws IOException when the file cannot be opened, written, synced or rotated; the
     *     event is then not taken
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public void accept(Event event) throws IOException {
        synchronized (lock) {
            if (closed) {
                refused++;
                throw new IllegalStateException("the file sink for " + file.path() + " is closed");
            }
            EventJsonWriter w = encoder.writer();
            try {
                int length = w.encode(event);
                write(w.buffer(), length);
            } catch (IOException | RuntimeException e) {
                refused++;
                throw e;
            }
            accepted++;
        }
    }

    private void write(byte[] line, int length) throws IOException {
        file.prepare(length);
        file.writeNow(line, length); // from the encoder's buffer; on failure the event is refused, nothing kept
        if (file.fsync() == Fsync.ALWAYS) {
            file.sync();
        }
    }

    /**
     * With {@code fsync: batch} or {@code always}, syncs the file. Also reports (once) lines
     * lost to a file removed from outside, and a failure of the background work on rotated files.
     */
    @Override
    public void flush() throws IOException {
        IOException unreported;
        synchronized (lock) {
            if (!closed && file.fsync() != Fsync.NEVER) {
                file.sync();
            }
            unreported = file.takeUnreported();
        }
        if (unreported != null) {
            throw unreported;
        }
    }

    /** Closes the file (synced unless {@code fsync} is {@code never}) and waits for the background work on rotated files. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                file.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        IOException housekeeping = file.stopHousekeeping();
        if (failure == null) {
            failure = housekeeping;
        } else if (housekeeping != null) {
            failure.addSuppressed(housekeeping);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** This sink's figures now; {@code linesPending} and {@code linesFailed} are always 0. */
    public FileSinkStats stats() {
        return new FileSinkStats(accepted, refused, file.linesWritten(), 0, 0, file.linesLostToRemovedFile(),
                file.rotations(), file.writeFailures(), file.housekeepingFailures());
    }

    @Override
    public String toString() {
        return "file(" + file.path() + ")";
    }

    /** Options of a {@link FileSink} or a {@link BufferedFileSink}; every setter checks its argument at once. */
    public static final class Builder {
        private final Path path;
        private long maxBytes;
        private Rotation rotation = Rotation.NONE;
        private int maxFiles = DEFAULT_MAX_FILES;
        private boolean gzip;
        private Fsync fsync = Fsync.NEVER;
        private Clock clock = Clock.systemUTC();

        private Builder(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        /** Rotate before a line would take the file past this size; 0 (the default) for no size limit. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 0) {
                throw new IllegalArgumentException("maxBytes must not be negative");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** Rotate at every UTC hour or day boundary; {@link Rotation#NONE} by default. */
        public Builder rotation(Rotation rotation) {
            this.rotation = Objects.requireNonNull(rotation, "rotation");
            return this;
        }

        /** Rotated files to keep, the oldest deleted first; {@value #DEFAULT_MAX_FILES} by default. */
        public Builder maxFiles(int maxFiles) {
            if (maxFiles < 0) {
                throw new IllegalArgumentException("maxFiles must not be negative");
            }
            this.maxFiles = maxFiles;
            return this;
        }

        /** Compress rotated files to {@code .gz} in the background; off by default. */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /** When to sync the file to the disk; {@link Fsync#NEVER} by default. */
        public Builder fsync(Fsync fsync) {
            this.fsync = Objects.requireNonNull(fsync, "fsync");
            return this;
        }

        /** The clock for time-based rotation and rotated names (tests move it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A sink that writes each line before {@code accept} returns: for synchronous routes. */
        public FileSink build() {
            return new FileSink(file());
        }

        /**
         * A sink that gathers lines in memory and writes them when {@code bufferBytes} are
         * gathered and at every {@code flush()}: for {@code async} routes, whose worker flushes
         * after each of its batches. Its events count as delivered once written.
         *
         * @param bufferBytes bytes of lines gathered before a write
         *     ({@link BufferedFileSink#DEFAULT_BUFFER_BYTES} is what the {@code file} type uses);
         *     0 writes each line in {@code accept}
         */
        public BufferedFileSink buildBuffered(int bufferBytes) {
            if (bufferBytes < 0) {
                throw new IllegalArgumentException("bufferBytes must not be negative");
            }
            return new BufferedFileSink(file(), bufferBytes);
        }

        private RotatingFile file() {
            return new RotatingFile(path, maxBytes, rotation, maxFiles, gzip, fsync, clock);
        }
    }
}
