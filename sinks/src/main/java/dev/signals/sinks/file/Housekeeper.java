package dev.signals.sinks.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work on rotated files, off the writing thread: deletes the oldest beyond {@code maxFiles},
 * then compresses the others when asked to. One daemon thread, started at the first rotation;
 * passes requested while one is waiting are merged. Each pass looks at the directory as it is,
 * so a compression that failed (a full disk) is simply done again by the next pass.
 *
 * <p>Failures lose no event (the rotated file stays as it was); they are counted and kept for
 * the sink to report from its next {@code flush()}.
 */
final class Housekeeper {

    private static final long CLOSE_WAIT_SECONDS = 60;

    private final RotatedNames names;
    private final int maxFiles;
    private final boolean gzip;
    private final boolean sync;
    private final String threadName;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<IOException> unreported = new AtomicReference<>();
    private ExecutorService executor;
    private boolean closed;

    Housekeeper(RotatedNames names, int maxFiles, boolean gzip, boolean sync, String threadName) {
        this.names = names;
        this.maxFiles = maxFiles;
        this.gzip = gzip;
        this.sync = sync;
        this.threadName = threadName;
    }

    /** Asks for a pass over the rotated files (after a rotation). */
    synchronized void requestPass() {
        if (closed) {
            return;
        }
        if (executor == null) {
            executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        if (passQueued.compareAndSet(false, true)) {
            executor.execute(this::pass);
        }
    }

    private void pass() {
        passQueued.set(false);
        try {
            for (Path tmp : names.leftovers()) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            failed(e);
        }
        TreeMap<String, List<Path>> rotated;
        try {
            rotated = names.list();
        } catch (IOException e) {
            failed(e);
            return;
        }
        prune(rotated);
        if (gzip) {
            for (List<Path> files : rotated.values()) {
                for (Path f : files) {
                    if (!RotatedNames.isCompressed(f)) {
                        try {
                            Gzip.compress(f, sync);
                        } catch (IOException e) {
                            failed(new IOException("cannot compress rotated file " + f + ": " + e.getMessage(), e));
                        }
                    }
                }
            }
        }
    }

    /** Deletes the oldest rotations beyond {@code maxFiles}, and takes them out of {@code rotated}. */
    private void prune(TreeMap<String, List<Path>> rotated) {
        while (rotated.size() > maxFiles) {
            Map.Entry<String, List<Path>> oldest = rotated.pollFirstEntry();
            for (Path f : oldest.getValue()) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    failed(new IOException("cannot delete old rotated file " + f + ": " + e.getMessage(), e));
                }
            }
        }
    }

    private void failed(IOException e) {
        failures.incrementAndGet();
        unreported.compareAndSet(null, e);
    }

    /** Failed steps so far. */
    long failures() {
        return failures.get();
    }

    /** The first failure not yet reported, or {@code null}; each is handed out once. */
    IOException takeUnreported() {
        return unreported.getAndSet(null);
    }

    /** Finishes the pass under way and any pass asked for, then stops the thread. */
    void close() {
        ExecutorService e;
        synchronized (this) {
            closed = true;
            e = executor;
        }
        if (e == null) {
            return;
        }
        e.shutdown();
        try {
            e.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
