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
 * acknowledged by Kafka, in order. Appends go to a buffer, handed to the spool's writer thread
 * when it fills, when the sender has caught up, and on every {@link #sync()} (which also forces
 * the file to disk): the writer alone writes the files, in order, so an emitting thread never
 * waits for a disk and never holds the spool's lock through a write. The sender reads segments
 * back and acknowledgements delete a segment once every record in it is acknowledged.
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
    // Handed to the writer when full.
    private static final int BUFFER_BYTES = 64 * 1024;
    // Buffers handed to the writer and not yet written, at most: past this an emitting thread
    // waits for the disk, as it must when the disk is slower than the events.
    private static final int MAX_HANDED = 16;
    private static final int MAX_SPARE = 8;
    // How long a reader that found records handed but not yet written waits for the writer at once.
    private static final long UNWRITTEN_WAIT_MILLIS = 10;
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
    private final Thread writer;

    // Guarded by `lock`.
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private Segment active;
    private RandomAccessFile activeFile;
    // Sealed files written to the end and not yet forced to disk: the next sync() forces and
    // closes them, outside the lock, so a roll never makes an emitting thread wait for a disk.
    private final List<RandomAccessFile> sealedUnsynced = new ArrayList<>();
    // What the writer has still to write, in order; buffers it wrote come back as spares.
    private final ArrayDeque<Handed> handed = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private long handedCount;
    private long writtenCount;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int buffered;
    private int bufferedRecords;
    private long next;
    private long totalBytes;
    private long unacknowledged;
    private boolean readerWaiting;
    // No more appends; the writer finishes what was handed to it.
    private boolean closing;
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
        this.writer = new Thread(this::writeHanded, KafkaThreads.PREFIX + "spool-writer-" + directory.getFileName());
        this.writer.setDaemon(true);
    }

    /**
     * A buffer handed to the writer: {@code records} records of {@code segment} to write at the
     * end of its file; or, with {@code seals}, word that the segment is complete, so that its
     * file, once written to the end, goes to the next sync to be forced and closed.
     */
    private record Handed(Segment segment, RandomAccessFile file, byte[] bytes, int length, int records, boolean seals) {
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
            spool.writer.start();
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
     * @throws IOException when a new spool file cannot be made; the event is not spooled
     * @throws IllegalStateException after {@link #close()}
     */
    boolean append(byte[] signal, int severity, byte[] key, byte[] value, int valueLength) throws IOException {
        int size = SpoolRecord.size(signal.length, key == null ? -1 : key.length, valueLength);
        synchronized (lock) {
            if (size > buffer.length - buffered) {
                handOff();
                awaitWriter();
                if (size > buffer.length) {
                    buffer = new byte[size]; // one huge event; the writer does not keep it as a spare
                }
            }
            if (closing) {
                throw new IllegalStateException("the spool in " + directory + " is closed");
            }
            if (totalBytes + size > maxBytes && !makeRoom(size)) {
                figures.drop(KafkaDropReason.SPOOL_FULL, 1);
                return false;
            }
            if (active.count > 0 && active.bytes + size > segmentBytes) {
                roll();
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

    /**
     * Waits, while the writer has {@value #MAX_HANDED} buffers still to write, for it to catch
     * up: the disk is slower than the events. An interrupt does not end the wait (the event
     * must go in), and is kept.
     */
    private void awaitWriter() {
        boolean interrupted = false;
        while (handed.size() > MAX_HANDED && !closing) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands what is buffered to the writer; a spare buffer takes its place. */
    private void handOff() {
        if (buffered == 0) {
            return;
        }
        hand(new Handed(active, activeFile, buffer, buffered, bufferedRecords, false));
        byte[] next = spare.pollFirst();
        buffer = next != null ? next : new byte[BUFFER_BYTES];
        buffered = 0;
        bufferedRecords = 0;
    }

    private void hand(Handed h) {
        handed.addLast(h);
        handedCount++;
        lock.notifyAll();
    }

    /**
     * Seals the active segment (the writer writes it to the end, the next sync forces it to
     * disk) and starts the next.
     */
    private void roll() throws IOException {
        handOff();
        hand(new Handed(active, activeFile, null, 0, 0, true));
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
     * The writer thread: writes what is handed to it, in order, to the end of each segment's
     * file, outside the lock. A segment deleted meanwhile (dropped to make room) is skipped.
     */
    private void writeHanded() {
        while (true) {
            Handed h;
            synchronized (lock) {
                while (handed.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // only close() ends the writer: what was handed to it must be written
                    }
                }
                if (closed) {
                    return;
                }
                h = handed.peekFirst();
                if (h.seals || h.segment.deleted) {
                    if (h.seals) {
                        sealedUnsynced.add(h.file);
                    }
                    written(h);
                    continue;
                }
            }
            try {
                h.file.write(h.bytes, 0, h.length);
                synchronized (lock) {
                    h.segment.fileBytes += h.length;
                    written(h);
                }
            } catch (Throwable e) {
                // Any Throwable, Errors too: the writer must live on, since flush and close wait
                // for it; the buffer it failed on is counted lost instead.
                synchronized (lock) {
                    lose(h, e);
                }
            }
        }
    }

    /** {@code h} is done with: the writer moves on, and whoever waits for it is woken. */
    private void written(Handed h) {
        handed.removeFirst();
        writtenCount++;
        if (h.bytes != null && h.bytes.length == BUFFER_BYTES && spare.size() < MAX_SPARE) {
            spare.addLast(h.bytes);
        }
        readerWaiting = false;
        lock.notifyAll();
    }

    /**
     * A write failed: the records of {@code failed} and every later record of its segment
     * (handed or buffered) are counted {@code UNWRITABLE}; the file is cut back to what was
     * written before them, the segment sealed, and the next records go to a new segment.
     */
    private void lose(Handed failed, Throwable e) {
        Segment s = failed.segment;
        long records = 0;
        long bytes = 0;
        // The segment's buffers come first and together (its seal follows them): all are lost.
        for (Handed h = handed.peekFirst(); h != null && h.segment == s && !h.seals; h = handed.peekFirst()) {
            records += h.records;
            bytes += h.length;
            written(h);
        }
        if (s.deleted) {
            return; // dropped to make room meanwhile, and counted then
        }
        if (s == active) {
            records += bufferedRecords;
            bytes += buffered;
            buffered = 0;
            bufferedRecords = 0;
        }
        figures.drop(KafkaDropReason.UNWRITABLE, records);
        s.count -= records;
        s.bytes -= bytes;
        totalBytes -= bytes;
        unacknowledged -= records;
        Trouble.report("cannot write the spool file " + s.path + " (" + records + " events dropped): " + e);
        try {
            failed.file.setLength(s.fileBytes);
            failed.file.seek(s.fileBytes);
            if (s == active) {
                roll();
            }
        } catch (IOException again) {
            Trouble.report("cannot cut back the spool file " + s.path + ": " + again);
        }
    }

    /** Hands what is buffered to the writer and waits until it has written it. */
    private void writeOut() {
        long target;
        synchronized (lock) {
            handOff();
            target = handedCount;
        }
        awaitWritten(target);
    }

    /** Waits until the writer has passed the first {@code target} buffers handed to it, or the spool closed. */
    private void awaitWritten(long target) {
        boolean interrupted = false;
        synchronized (lock) {
            while (writtenCount < target && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // a flush that returned early would promise what is not on disk
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the buffer to the file (a killed process loses nothing written). */
    void flush() {
        writeOut();
    }

    /**
     * Writes the buffer to the file and forces the file to disk. An active segment whose
     * records Kafka has all acknowledged is sealed first, and so deleted, once it is large
     * enough to be worth a new file: a spool that keeps up does not keep a large file.
     */
    void sync() throws IOException {
        synchronized (lock) {
            if (closing) {
                return;
            }
            if (active.count > 0 && active.fullyAcknowledged() && active.bytes >= RECLAIM_BYTES) {
                roll();
            }
        }
        writeOut();
        RandomAccessFile file;
        List<RandomAccessFile> sealed;
        synchronized (lock) {
            if (closed) {
                return;
            }
            file = activeFile;
            sealed = List.copyOf(sealedUnsynced);
            sealedUnsynced.clear();
        }
        syncAndClose(sealed);
        try {
            file.getFD().sync();
        } catch (IOException e) {
            // close() closed the file meanwhile, and forced it to disk first.
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
                if (segment == active) {
                    handOff(); // caught up: what is buffered is wanted now
                }
                boolean unwritten = segment.fileBytes < segment.bytes;
                if (!unwritten && segment.sealed) {
                    cursor.moveTo(after(segment));
                    continue;
                }
                if (!unwritten && waited) {
                    return List.of();
                }
                readerWaiting = true;
                lock.wait(unwritten ? UNWRITTEN_WAIT_MILLIS : waitMillis);
                waited |= !unwritten;
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
        List<SpoolRecord> out = new ArrayList<>(1_024); // a chunk holds thousands of records
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
            handOff();
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

    /**
     * Takes no more appends, lets the writer write what was handed to it, forces the files to
     * disk and closes them; what is left stays for the next run.
     */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            lock.notifyAll(); // an append waiting for the writer gives up
        }
        writeOut();
        synchronized (lock) {
            try {
                activeFile.getFD().sync();
                syncAndClose(sealedUnsynced);
            } finally {
                closed = true;
                lock.notifyAll(); // the writer and readers stop
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
