package dev.signals.kafka;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The kafka sink's write-ahead log: a directory of segment files holding every event not yet
 * acknowledged by Kafka, in order. Appends go to a buffer written to the last segment when it
 * fills, when the sender has caught up, and on every {@link #sync()} (which also forces the file
 * to disk); the sender reads segments back and acknowledgements delete a segment once every
 * record in it is acknowledged.
 *
 * <p>Opening a directory left by an earlier run takes every record of its segments as not
 * acknowledged (they are sent again: at-least-once), reads each file up to its first damaged
 * record, counts the bytes after it as damaged and cuts them off. New records always go to a
 * new segment. A lock file keeps a second spool (another process) out of the directory.
 *
 * <p>Files are written through {@link RandomAccessFile}, never a {@code FileChannel}: an
 * interrupted application thread appending must not close the spool.
 */
final class Spool implements AutoCloseable {

    private static final String ID_FILE = "spool.id";
    private static final String LOCK_FILE = "spool.lock";
    // Written to the file under the lock when full: small, so that an emitting thread waits briefly.
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int READ_CHUNK = 1 << 20;
    private static final long RECLAIM_BYTES = 1 << 20;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Object lock = new Object();
    private final Path directory;
    private final String id;
    private final long maxBytes;
    private final long segmentBytes;
    private final SpoolFull whenFull;
    private final Figures figures;
    private final AtomicLong resendFrom = new AtomicLong(Long.MAX_VALUE);
    private final FileChannel lockChannel;
    private final FileLock fileLock;

    // Guarded by `lock`.
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private Segment active;
    private RandomAccessFile activeFile;
    // Sealed files not yet forced to disk: the next sync() forces and closes them, outside the
    // lock, so a roll never makes an emitting thread wait for a disk.
    private final List<RandomAccessFile> sealedUnsynced = new ArrayList<>();
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int buffered;
    private int bufferedRecords;
    private long next;
    private long totalBytes;
    private long unacknowledged;
    private boolean readerWaiting;
    private boolean closed;

    private Spool(Path directory, String id, long maxBytes, SpoolFull whenFull, Figures figures,
                  FileChannel lockChannel, FileLock fileLock) {
        this.directory = directory;
        this.id = id;
        this.maxBytes = maxBytes;
        // Eight files when full: dropOldest frees an eighth at a time.
        this.segmentBytes = Math.min(1L << 30, Math.max(64 * 1024, maxBytes / 8));
        this.whenFull = whenFull;
        this.figures = figures;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
    }

    /**
     * Opens (creating if need be) the spool in {@code directory}, taking over what an earlier
     * run left there.
     *
     * @throws IOException when the directory cannot be made or read, or another spool has it
     */
    static Spool open(Path directory, long maxBytes, SpoolFull whenFull, Figures figures) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock fileLock;
        try {
            fileLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            fileLock = null;
        }
        if (fileLock == null) {
            lockChannel.close();
            throw new IOException("the spool directory " + directory + " is in use by another kafka sink");
        }
        try {
            Spool spool = new Spool(directory, readOrMakeId(directory), maxBytes, whenFull, figures, lockChannel,
                    fileLock);
            spool.recover();
            return spool;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static String readOrMakeId(Path directory) throws IOException {
        Path file = directory.resolve(ID_FILE);
        if (Files.isRegularFile(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.matches("[0-9a-f]{16}")) {
                return text;
            }
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Path tmp = directory.resolve(ID_FILE + ".tmp");
        Files.writeString(tmp, id + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    /** Reads what an earlier run left: whole records count, damage is cut off and counted. */
    private void recover() throws IOException {
        List<Long> bases = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(p -> {
                long base = Segment.baseOf(p.getFileName().toString());
                if (base >= 0) {
                    bases.add(base);
                }
            });
        }
        bases.sort(null);
        long nextOffset = 0;
        for (long base : bases) {
            Segment s = new Segment(directory, base);
            long valid = scan(s);
            nextOffset = Math.max(nextOffset, base + s.count);
            if (s.count == 0) {
                Files.deleteIfExists(s.path);
                continue;
            }
            try (RandomAccessFile f = new RandomAccessFile(s.path.toFile(), "rw")) {
                if (f.length() > valid) {
                    figures.damagedBytes.addAndGet(f.length() - valid);
                    f.setLength(valid);
                }
            }
            s.bytes = valid;
            s.fileBytes = valid;
            s.sealed = true;
            segments.add(s);
            totalBytes += valid;
            unacknowledged += s.count;
            figures.replayed.addAndGet(s.count);
        }
        next = nextOffset;
        startSegment();
    }

    /** Counts the whole records at the start of a segment file; returns the bytes they take. */
    private static long scan(Segment s) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(s.path.toFile(), "r")) {
            long length = f.length();
            long position = 0;
            ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);
            SpoolRecord[] one = new SpoolRecord[1];
            while (position < length) {
                int n = (int) Math.min(chunk.capacity(), length - position);
                f.seek(position);
                f.readFully(chunk.array(), 0, n);
                chunk.clear().limit(n);
                int consumed = 0;
                SpoolRecord.Read r;
                while ((r = SpoolRecord.read(chunk, s.base + s.count, one)) == SpoolRecord.Read.RECORD) {
                    s.count++;
                    consumed = chunk.position();
                }
                if (r == SpoolRecord.Read.DAMAGED || consumed == 0 && position + n >= length) {
                    return position + consumed;
                }
                if (consumed == 0) {
                    chunk = ByteBuffer.allocate(Math.max(chunk.capacity() * 2, SpoolRecord.MAX_BODY + SpoolRecord.HEADER));
                }
                position += consumed;
            }
            return position;
        }
    }

    private void startSegment() throws IOException {
        Segment s = new Segment(directory, next);
        RandomAccessFile f = new RandomAccessFile(s.path.toFile(), "rw");
        try {
            f.setLength(0);
        } catch (IOException e) {
            f.close();
            throw e;
        }
        active = s;
        activeFile = f;
        segments.add(s);
    }

    /** The spool's id: with a record's offset, the {@code event_id} Kafka receives. */
    String id() {
        return id;
    }

    /**
     * Appends one event.
     *
     * @return false when the spool was full and the event was dropped ({@code dropNewest}) or
     *     could not be made room for
     * @throws IOException when the spool file cannot be written; the event is not spooled
     * @throws IllegalStateException after {@link #close()}
     */
    boolean append(byte[] signal, int severity, byte[] key, byte[] value, int valueLength) throws IOException {
        int size = SpoolRecord.size(signal.length, key == null ? -1 : key.length, valueLength);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the spool in " + directory + " is closed");
            }
            if (totalBytes + size > maxBytes && !makeRoom(size)) {
                figures.drop(KafkaDropReason.SPOOL_FULL, 1);
                return false;
            }
            if (active.count > 0 && active.bytes + size > segmentBytes) {
                roll();
            }
            if (size > buffer.length - buffered) {
                writeOut();
                if (size > buffer.length) {
                    buffer = new byte[size]; // one huge event; the next roll brings the usual size back
                }
            }
            buffered = SpoolRecord.write(buffer, buffered, next, signal, severity, key, value, valueLength);
            bufferedRecords++;
            next++;
            active.count++;
            active.bytes += size;
            totalBytes += size;
            unacknowledged++;
            figures.spooled.incrementAndGet();
            if (readerWaiting) {
                readerWaiting = false;
                lock.notifyAll();
            }
            return true;
        }
    }

    /** Frees room by dropping the oldest segments, under {@code dropOldest}. */
    private boolean makeRoom(int size) throws IOException {
        if (whenFull == SpoolFull.DROP_NEWEST || size > maxBytes) {
            return false;
        }
        while (totalBytes + size > maxBytes) {
            if (segments.size() == 1) {
                if (active.count == 0) {
                    return false;
                }
                roll();
            }
            // Records already handed to the producer are counted too: with Kafka away they fail.
            Segment oldest = segments.peekFirst();
            long lost = oldest.unacknowledged();
            figures.drop(KafkaDropReason.SPOOL_FULL, lost);
            unacknowledged -= lost;
            delete(oldest);
        }
        return true;
    }

    /** Seals the active segment (written out; forced to disk by the next sync) and starts the next. */
    private void roll() throws IOException {
        writeOut();
        sealedUnsynced.add(activeFile);
        active.sealed = true;
        Segment sealed = active;
        startSegment();
        if (sealed.fullyAcknowledged()) {
            delete(sealed);
        }
    }

    private void delete(Segment s) {
        segments.remove(s);
        s.deleted = true;
        totalBytes -= s.bytes;
        try {
            Files.deleteIfExists(s.path);
        } catch (IOException e) {
            Trouble.report("cannot delete the spool file " + s.path + ": " + e);
        }
    }

    /**
     * Writes the buffer to the active segment. A failed write is cut back, its records are
     * counted {@code UNWRITABLE}, and the next records go to a new segment.
     */
    private void writeOut() throws IOException {
        if (buffered == 0) {
            return;
        }
        try {
            activeFile.write(buffer, 0, buffered);
            active.fileBytes += buffered;
        } catch (IOException e) {
            figures.drop(KafkaDropReason.UNWRITABLE, bufferedRecords);
            active.count -= bufferedRecords;
            active.bytes -= buffered;
            totalBytes -= buffered;
            unacknowledged -= bufferedRecords;
            buffered = 0;
            bufferedRecords = 0;
            try {
                activeFile.setLength(active.fileBytes);
                roll();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        } finally {
            if (buffer.length > BUFFER_BYTES) {
                buffer = new byte[BUFFER_BYTES];
            }
            buffered = 0;
            bufferedRecords = 0;
        }
    }

    /** Writes the buffer to the file (a killed process loses nothing written). */
    void flush() throws IOException {
        synchronized (lock) {
            if (!closed) {
                writeOut();
            }
        }
    }

    /**
     * Writes the buffer to the file and forces the file to disk. An active segment whose
     * records Kafka has all acknowledged is sealed first, and so deleted, once it is large
     * enough to be worth a new file: a spool that keeps up does not keep a large file.
     */
    void sync() throws IOException {
        RandomAccessFile file;
        List<RandomAccessFile> sealed;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (active.count > 0 && active.fullyAcknowledged() && active.bytes >= RECLAIM_BYTES) {
                roll();
            }
            writeOut();
            file = activeFile;
            sealed = List.copyOf(sealedUnsynced);
            sealedUnsynced.clear();
        }
        syncAndClose(sealed);
        try {
            file.getFD().sync();
        } catch (IOException e) {
            // A roll closed the file meanwhile, and forced it to disk first.
            synchronized (lock) {
                if (file == activeFile && !closed) {
                    throw e;
                }
            }
        }
    }

    private static void syncAndClose(List<RandomAccessFile> files) throws IOException {
        IOException failed = null;
        for (RandomAccessFile f : files) {
            try (f) {
                f.getFD().sync();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Where the sender is in the spool. Used by the sender thread only. */
    static final class Cursor implements AutoCloseable {
        private Segment segment;
        private long position;
        private long next;
        // After a rewind: records before it are still on their way, not sent again.
        private long skipBelow;
        private RandomAccessFile file;
        private ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);

        /** The offset of the next record to read. */
        long next() {
            return next;
        }

        private void moveTo(Segment s) throws IOException {
            close();
            segment = s;
            position = 0;
            next = s.base;
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
                file = null;
            }
        }
    }

    /**
     * The next records after {@code cursor} that are not acknowledged, waiting up to
     * {@code waitMillis} for some when there are none.
     *
     * @return the records, in order; empty after the wait or once closed
     */
    List<SpoolRecord> read(Cursor cursor, long waitMillis) throws IOException, InterruptedException {
        Segment segment;
        long limit;
        synchronized (lock) {
            boolean waited = false;
            while (true) {
                if (closed) {
                    return List.of();
                }
                if (cursor.segment == null || cursor.segment.deleted) {
                    cursor.moveTo(segments.peekFirst());
                }
                segment = cursor.segment;
                if (cursor.position < segment.fileBytes) {
                    break;
                }
                if (segment == active && buffered > 0) {
                    writeOut();
                    continue;
                }
                if (segment.sealed) {
                    cursor.moveTo(after(segment));
                    continue;
                }
                if (waited) {
                    return List.of();
                }
                readerWaiting = true;
                lock.wait(waitMillis);
                waited = true;
            }
            limit = segment.fileBytes;
        }
        List<SpoolRecord> out = readFile(cursor, limit);
        synchronized (lock) {
            Segment read = segment;
            if (!read.deleted) {
                out.removeIf(r -> read.isAcknowledged(r.offset()));
            }
        }
        return out;
    }

    private Segment after(Segment s) {
        boolean found = false;
        for (Segment each : segments) {
            if (found) {
                return each;
            }
            found = each == s;
        }
        return active;
    }

    private List<SpoolRecord> readFile(Cursor cursor, long limit) throws IOException {
        List<SpoolRecord> out = new ArrayList<>();
        if (cursor.file == null) {
            try {
                cursor.file = new RandomAccessFile(cursor.segment.path.toFile(), "r");
            } catch (java.io.FileNotFoundException gone) {
                // dropped (dropOldest) since the lock was let go: the next read starts at the oldest
                return out;
            }
        }
        ByteBuffer chunk = cursor.chunk;
        int n = (int) Math.min(chunk.capacity(), limit - cursor.position);
        cursor.file.seek(cursor.position);
        cursor.file.readFully(chunk.array(), 0, n);
        chunk.clear().limit(n);
        SpoolRecord[] one = new SpoolRecord[1];
        SpoolRecord.Read r;
        while ((r = SpoolRecord.read(chunk, cursor.next, one)) == SpoolRecord.Read.RECORD) {
            if (one[0].offset() >= cursor.skipBelow) {
                out.add(one[0]);
            }
            cursor.next++;
        }
        cursor.position += chunk.position();
        if (r == SpoolRecord.Read.DAMAGED) {
            giveUp(cursor, limit);
        } else if (out.isEmpty() && chunk.limit() == chunk.capacity()) {
            cursor.chunk = ByteBuffer.allocate(SpoolRecord.MAX_BODY + SpoolRecord.HEADER); // one record larger than a chunk
        }
        return out;
    }

    /** A record of this run that reads back damaged (the file was changed under the spool): skips the rest. */
    private void giveUp(Cursor cursor, long limit) throws IOException {
        figures.damagedBytes.addAndGet(limit - cursor.position);
        synchronized (lock) {
            Segment s = cursor.segment;
            if (s == active) {
                roll();
            }
            if (!s.deleted) {
                unacknowledged -= s.unacknowledged();
                delete(s);
            }
        }
        Trouble.report("a spool file changed under the kafka sink was damaged and skipped: " + cursor.segment.path);
    }

    /**
     * Asks for the records from {@code offset} on to be sent again (the producer failed it).
     * Kept by the spool, not the sender, so that a sender taking over after a config reload
     * also resends what its predecessor's producer failed.
     */
    void resendFrom(long offset) {
        resendFrom.accumulateAndGet(offset, Math::min);
    }

    /** Whether a resend was asked for and not yet taken. */
    boolean resendPending() {
        return resendFrom.get() != Long.MAX_VALUE;
    }

    /** The first offset to send again, or {@link Long#MAX_VALUE} for none; clears the request. */
    long takeResend() {
        return resendFrom.getAndSet(Long.MAX_VALUE);
    }

    /** Makes the next {@link #read} start again at {@code offset} (a record the producer failed to send). */
    void rewind(Cursor cursor, long offset) throws IOException {
        synchronized (lock) {
            Segment target = null;
            for (Segment s : segments) {
                if (s.holds(offset) || s.base > offset) {
                    target = s;
                    break;
                }
            }
            // A record whose segment dropOldest deleted meanwhile was counted dropped then.
            cursor.moveTo(target == null ? active : target);
            cursor.skipBelow = offset;
        }
    }

    /** Kafka acknowledged the record at {@code offset}: a segment whose records all are is deleted. */
    void acknowledge(long offset) {
        synchronized (lock) {
            figures.acknowledged.incrementAndGet();
            for (Segment s : segments) {
                if (s.holds(offset)) {
                    settle(s, offset);
                    return;
                }
            }
        }
    }

    /** Lets go of a record that will never be acknowledged (Kafka refused it for good). */
    void release(long offset) {
        synchronized (lock) {
            for (Segment s : segments) {
                if (s.holds(offset)) {
                    settle(s, offset);
                    return;
                }
            }
        }
    }

    private void settle(Segment s, long offset) {
        if (s.acknowledge(offset)) {
            unacknowledged--;
            if (unacknowledged == 0) {
                lock.notifyAll();
            }
            if (s.sealed && s.fullyAcknowledged()) {
                delete(s);
            }
        }
    }

    /**
     * Waits until every record is acknowledged, for at most {@code timeout}, and no longer than
     * one second without an acknowledgement (Kafka is away: what is left waits for the next run).
     */
    void awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            writeOutQuietly();
            long last = unacknowledged;
            long lastProgress = System.nanoTime();
            while (unacknowledged > 0 && !closed) {
                long now = System.nanoTime();
                if (unacknowledged < last) {
                    last = unacknowledged;
                    lastProgress = now;
                }
                long wait = Math.min(deadline, lastProgress + STALL_NANOS) - now;
                if (wait <= 0) {
                    return;
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(wait, STALL_NANOS / 10))));
            }
        }
    }

    private void writeOutQuietly() {
        try {
            writeOut();
        } catch (IOException e) {
            Trouble.report("cannot write the spool in " + directory + ": " + e);
        }
    }

    /** Bytes in the spool: its files and its write buffer. */
    long bytes() {
        synchronized (lock) {
            return totalBytes;
        }
    }

    /** Records in the spool not yet acknowledged. */
    long unacknowledged() {
        synchronized (lock) {
            return unacknowledged;
        }
    }

    /** Writes out and forces what is buffered, then closes the files; what is left stays for the next run. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                writeOut();
                activeFile.getFD().sync();
                syncAndClose(sealedUnsynced);
            } finally {
                closed = true;
                lock.notifyAll();
                try {
                    activeFile.close();
                } finally {
                    try {
                        fileLock.release();
                    } finally {
                        lockChannel.close();
                    }
                }
            }
        }
    }
}
