package dev.signals.sinks.file;

import dev.signals.Event;
import dev.signals.router.spi.BatchFailedException;
import dev.signals.router.spi.BatchSink;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.json.SinkEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events as lines of Event JSON to a file like {@link FileSink} (same rotation,
 * compression, retention and recovery), but gathers the lines in memory and writes them in one
 * call when {@code bufferBytes} are gathered and at every {@link #flush()}: made for a sink
 * routed {@code async}, whose worker flushes after each of its batches and whenever its queue
 * runs dry. Made by {@link FileSink.Builder#buildBuffered}, and by the {@code file} config type
 * when the sink is {@code async}.
 *
 * <p><b>Accounting.</b> This is a {@link BatchSink}: the router counts an event delivered once
 * its line is written, that is when a later {@code flush()} returns. When lines cannot be
 * written (a full disk, a directory made read-only, a failed rotation), the call that tried
 * ({@code accept}, {@code flush} or {@code close}) throws {@link BatchFailedException} listing
 * exactly the events whose lines are not in the file — the event being accepted included when
 * it was not written — and the sink gives those lines up: the router diverts each event to the
 * fallback or counts it dropped, and feeds the breaker. A write is all or nothing, so no event
 * is both in the file and listed. A failure that loses no line (a failed sync of written
 * lines, a failed compression of a rotated file) is thrown as a {@code BatchFailedException}
 * listing no event, so that it is reported while the written lines still count as delivered.
 *
 * <p>Thread-safe (one lock), but meant for one worker thread. Counting: see {@link FileSinkStats}.
 */
public final class BufferedFileSink implements BatchSink {

    /** The buffer the {@code file} config type uses when the sink is {@code async}. */
    public static final int DEFAULT_BUFFER_BYTES = 64 * 1024;

    private final Object lock = new Object();
    private final RotatingFile file;
    private final int bufferBytes;
    private final SinkEncoder encoder = new SinkEncoder();

    // Guarded by `lock`.
    private boolean closed;

    // Written under `lock`, read by stats() from any thread.
    private volatile long accepted;
    private volatile long refused;
    private volatile long linesFailed;
    private volatile int linesPending;

    BufferedFileSink(RotatingFile file, int bufferBytes) {
        this.file = file;
        this.bufferBytes = bufferBytes;
    }

    /** The file written to. */
    public Path path() {
        return file.path();
    }

    /**
     * Adds the event's line to the buffer, and writes the buffer when it is full (at once with
     * {@link Fsync#ALWAYS}, then syncs). The file is opened, or rotated, first when need be.
     *
     * @throws BatchFailedException when lines could not be written: it lists their events, this
     *     one included when its line is not in the file, and the sink holds no line afterwards
     * @throws IllegalStateException after {@link #close()}; the event is not taken
     */
    @Override
    public void accept(Event event) throws BatchFailedException {
        synchronized (lock) {
            if (closed) {
                refused++;
                throw new IllegalStateException("the file sink for " + file.path() + " is closed");
            }
            EventJsonWriter w = encoder.writer();
            int length;
            try {
                length = w.encode(event);
            } catch (RuntimeException e) {
                refused++;
                throw e;
            }
            accepted++;
            boolean buffered = false;
            try {
                file.prepare(length); // a rotation writes the buffered lines first
                file.append(event, w.buffer(), length);
                buffered = true;
                if (file.waitingBytes() >= bufferBytes || file.fsync() == Fsync.ALWAYS) {
                    file.writeWaiting();
                }
            } catch (IOException | RuntimeException e) {
                List<Event> unwritten = new ArrayList<>(file.discardWaiting());
                if (!buffered) {
                    unwritten.add(event);
                }
                throw notWritten(unwritten, e);
            } finally {
                linesPending = file.waitingLines();
            }
            if (file.fsync() == Fsync.ALWAYS) {
                BatchFailedException failure = sync();
                if (failure != null) {
                    throw failure;
                }
            }
        }
    }

    /**
     * Writes the buffered lines and, with {@code fsync: batch} or {@code always}, syncs the
     * file. Also reports (once) lines lost to a file removed from outside, and a failure of the
     * background work on rotated files.
     *
     * @throws BatchFailedException when the buffered lines could not be written (it lists their
     *     events, and the sink gives them up), or, listing no event, when a sync or the
     *     background work failed, or lines written to a removed file were lost
     */
    @Override
    public void flush() throws BatchFailedException {
        BatchFailedException failure = null;
        synchronized (lock) {
            if (!closed) {
                failure = writeBuffered();
                if (failure == null && file.fsync() != Fsync.NEVER) {
                    failure = sync();
                }
            }
            failure = alsoFailed(failure, file.takeUnreported());
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Writes the buffered lines, closes the file (synced unless {@code fsync} is {@code never})
     * and waits for the background work on rotated files.
     *
     * @throws BatchFailedException as {@link #flush()} does, also when closing the file failed
     */
    @Override
    public void close() throws BatchFailedException {
        BatchFailedException failure;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            failure = writeBuffered();
            IOException closing = null;
            try {
                file.close();
            } catch (IOException e) {
                closing = e;
            }
            failure = alsoFailed(failure, closing == null ? null
                    : new IOException("cannot close " + file.path() + ": " + closing, closing));
        }
        failure = alsoFailed(failure, file.stopHousekeeping());
        if (failure != null) {
            throw failure;
        }
    }

    /** Writes the buffered lines; on failure gives them up and returns the exception naming their events. */
    private BatchFailedException writeBuffered() {
        try {
            file.writeWaiting();
            return null;
        } catch (IOException | RuntimeException e) {
            return notWritten(file.discardWaiting(), e);
        } finally {
            linesPending = file.waitingLines();
        }
    }

    /** Syncs the file; a failure loses no line (they are written), so it names no event. */
    private BatchFailedException sync() {
        try {
            file.sync();
            return null;
        } catch (IOException e) {
            return new BatchFailedException("lines written to " + file.path() + " could not be synced to the disk: "
                    + e, List.of(), e);
        }
    }

    private BatchFailedException notWritten(List<Event> unwritten, Exception cause) {
        linesFailed += unwritten.size();
        return new BatchFailedException(unwritten.size() + " line(s) not written to " + file.path() + ": " + cause,
                unwritten, cause);
    }

    /** {@code failure}, with {@code more} added: as the failure (naming no event) when there was none. */
    private static BatchFailedException alsoFailed(BatchFailedException failure, IOException more) {
        if (more == null) {
            return failure;
        }
        if (failure == null) {
            return new BatchFailedException(more.getMessage(), List.of(), more);
        }
        failure.addSuppressed(more);
        return failure;
    }

    /** This sink's figures now. */
    public FileSinkStats stats() {
        return new FileSinkStats(accepted, refused, file.linesWritten(), linesPending, linesFailed,
                file.linesLostToRemovedFile(), file.rotations(), file.writeFailures(), file.housekeepingFailures());
    }

    @Override
    public String toString() {
        return "file(" + file.path() + ")";
    }
}
