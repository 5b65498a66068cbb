package dev.signals.sinks.snapshot;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.OpenSpans;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.spi.SnapshotTrigger;
import dev.signals.sinks.timetravel.TimeTravelSink;
import dev.signals.sinks.timetravel.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Writes the contents of a {@link TimeTravelSink} to a snapshot file when something worth
 * looking back at happens: an event whose signal is a trigger, {@code Signals.snapshot(reason)},
 * an uncaught exception, the JVM shutting down, or a period elapsing.
 *
 * <p>Route to it the signals that may trigger it (routing {@code *} is simplest: for an event
 * that is no trigger, {@link #accept} is an array read and a comparison).
 *
 * <p><b>Threads.</b> The sink tells its buffer which events are triggers
 * ({@link TimeTravelSink#freezeOn}): the buffer freezes its ring at a trigger's claim, so the
 * copy, taken on the triggering thread, holds the window that ends at the trigger even when
 * that thread is descheduled while other threads turn the ring over many times. The copy costs
 * one pass over the window (about a millisecond for 100 000 events) and one array, at most
 * once per reason per cool-down. Everything else
 * (sorting, encoding, compressing, disk) happens on the sink's single writer thread; the
 * emitting thread never touches the disk and never throws. A snapshot never empties the buffer.
 *
 * <p><b>Storms.</b> At most one snapshot per reason per cool-down (signal triggers and requests
 * alike; a shutdown or periodic snapshot is not cooled down), a budget across reasons (so many
 * snapshots and bytes per minute; skips counted by reason and announced on stderr at most once
 * a minute), at most {@value #MAX_PENDING} waiting to be written, and retention limits that
 * delete the oldest files.
 */
public final class SnapshotSink implements Sink, SnapshotTrigger {

    /** The most snapshots waiting for the writer; beyond, new ones are dropped (and counted). */
    static final int MAX_PENDING = 4;

    /** How long flush, close and the uncaught-exception and shutdown handlers wait for writes. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final String name;
    private final TimeTravelSink buffer;
    private final SnapshotOptions options;
    private final TriggerMatcher matcher;
    private final Predicate<Signal> freezesBuffer;
    private final Cooldowns cooldowns;
    private final SnapshotBudget budget;
    private final BudgetSkips overBudget;
    private final SnapshotFileWriter files;
    private final Retention retention;
    private final PrintStream err = System.err;
    private final ScheduledThreadPoolExecutor writer;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder written = new LongAdder();
    private final ReasonCounts writtenByReason = new ReasonCounts();
    private final LongAdder coolingDown = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private volatile Path lastFile;

    private final Object lifecycle = new Object();
    private final AtomicBoolean shutdownTaken = new AtomicBoolean();
    private volatile boolean stopping;
    private final ChainedUncaughtHandler uncaught;
    private final Thread shutdownHook;
    private final ScheduledFuture<?> periodic;

    /** A sink named {@code "snapshot"}; see {@link #SnapshotSink(String, TimeTravelSink, SnapshotOptions)}. */
    public SnapshotSink(TimeTravelSink buffer, SnapshotOptions options) {
        this("snapshot", buffer, options);
    }

    /**
     * A sink writing {@code buffer}'s contents as {@code options} say. Starts its writer thread,
     * and installs the uncaught-exception handler and the shutdown hook when asked to.
     *
     * @param name how messages and the writer thread name the sink
     */
    public SnapshotSink(String name, TimeTravelSink buffer, SnapshotOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.options = Objects.requireNonNull(options, "options");
        this.matcher = new TriggerMatcher(options.triggers(), options.triggerSeverity());
        this.freezesBuffer = matcher.isEmpty() ? null : (Predicate<Signal>) matcher::matches;
        if (freezesBuffer != null) {
            buffer.freezeOn(freezesBuffer);
        }
        this.cooldowns = new Cooldowns(options.cooldown().toNanos(), options.nanoTime());
        this.budget = new SnapshotBudget(options.maxSnapshotsPerMinute(), options.maxBytesPerMinute(), options.nanoTime());
        this.overBudget = new BudgetSkips(this.name, options, err);
        this.files = new SnapshotFileWriter(options.directory(), ProcessInfo.service(options.service(), System.getenv()));
        this.retention = new Retention(options.maxFiles(), options.maxBytes());
        this.writer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "signals-snapshot-writer[" + name + "]");
            t.setDaemon(true); // never keeps the JVM alive; close and shutdown wait for pending writes instead
            return t;
        });
        this.writer.setRemoveOnCancelPolicy(true);
        long intervalMs = options.interval().toMillis();
        this.periodic = intervalMs > 0
                ? writer.scheduleAtFixedRate(() -> start(TriggerKind.INTERVAL, "interval", null, false), intervalMs, intervalMs,
                        TimeUnit.MILLISECONDS)
                : null;
        this.uncaught = options.onUncaughtException() ? ChainedUncaughtHandler.install(this::onUncaught) : null;
        this.shutdownHook = options.onShutdown() ? addShutdownHook() : null;
    }

    /** Takes a snapshot when {@code event} is a trigger; never throws, never blocks on the disk. */
    @Override
    public void accept(Event event) {
        if (matcher.matches(event)) {
            start(TriggerKind.SIGNAL, event.signal().name(), matcher.fileReason(event.signal()), event, false);
        }
    }

    /**
     * Takes a snapshot tagged {@code reason} (the request behind {@code Signals.snapshot}), unless
     * a snapshot with that reason started within the cool-down.
     *
     * @return true when a snapshot was started
     */
    @Override
    public boolean snapshot(String reason) {
        return start(TriggerKind.REQUEST, reason, null, false) != null;
    }

    /**
     * Starts a snapshot: checks the cool-down, copies the buffer here, and queues the write.
     *
     * @param force taken even while closing (the shutdown snapshot)
     * @return the pending write, giving the file, or {@code null} when none was started
     */
    private Future<Path> start(TriggerKind kind, String reason, Event trigger, boolean force) {
        return start(kind, reason, null, trigger, force);
    }

    /** @param sanitised the reason already sanitised, or {@code null} */
    private Future<Path> start(TriggerKind kind, String reason, String sanitised, Event trigger, boolean force) {
        try {
            return startFrozen(kind, reason, sanitised, trigger, force);
        } finally {
            buffer.release(trigger); // a trigger that froze the buffer thaws it, snapshot taken or not
        }
    }

    private Future<Path> startFrozen(TriggerKind kind, String reason, String sanitised, Event trigger, boolean force) {
        if (stopping && !force) {
            dropped.increment();
            return null;
        }
        try {
            String fileReason = sanitised != null ? sanitised : SnapshotNames.sanitise(reason);
            boolean cooled = kind == TriggerKind.SHUTDOWN || kind == TriggerKind.INTERVAL;
            if (!cooled && !cooldowns.tryStart(fileReason)) {
                coolingDown.increment();
                return null;
            }
            if (!cooled && !budget.tryStart()) {
                overBudget.skipped(fileReason);
                return null;
            }
            if (pending.incrementAndGet() > MAX_PENDING) {
                pending.decrementAndGet();
                dropped.increment();
                return null;
            }
            Window window = buffer.copy(trigger).including(trigger);
            SnapshotRequest request = new SnapshotRequest(reason == null ? "" : reason, fileReason, kind, trigger, window,
                    Instant.now(), OpenSpan.now(), OpenSpans.notListed());
            synchronized (lifecycle) {
                if (stopping && !force) {
                    pending.decrementAndGet();
                    dropped.increment();
                    return null;
                }
                return writer.submit(() -> write(request));
            }
        } catch (RejectedExecutionException closed) {
            pending.decrementAndGet();
            dropped.increment();
            return null;
        } catch (RuntimeException | OutOfMemoryError e) {
            // Never into the emitting thread: a snapshot that cannot start is reported and counted.
            failed.increment();
            err.println("Signals: snapshot sink '" + name + "' could not start a snapshot (" + reason + "): " + e);
            return null;
        }
    }

    /** On the writer thread: the file, then retention. */
    private Path write(SnapshotRequest request) {
        try {
            Path file = files.write(request);
            lastFile = file;
            budget.wrote(sizeOf(file));
            written.increment();
            writtenByReason.add(request.fileReason());
            try {
                deleted.add(retention.apply(files.directory(), file).size());
            } catch (IOException | RuntimeException e) {
                err.println("Signals: snapshot sink '" + name + "' could not apply retention in " + files.directory() + ": " + e);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            failed.increment();
            err.println("Signals: snapshot sink '" + name + "' could not write the snapshot '" + request.fileReason()
                    + "' to " + files.directory().toAbsolutePath() + ": " + e);
            return null;
        } finally {
            pending.decrementAndGet();
        }
    }

    /** The size of a file just written, or 0 when it cannot be read (then it does not count against the budget). */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void onUncaught(Thread thread, Throwable error) {
        Event event = Event.builder(SnapshotSignals.UNCAUGHT_EXCEPTION)
                .message("Uncaught exception in thread " + thread.getName())
                .thread(thread.getName())
                .fields(Field.of("thread_id", thread.getId()), Field.error(error))
                .build();
        // The thread is dying anyway: let it wait (bounded) so the file lands before the JVM may exit.
        await(start(TriggerKind.UNCAUGHT_EXCEPTION, "uncaught_exception", event, false));
    }

    private Thread addShutdownHook() {
        Thread hook = new Thread(() -> await(startShutdownSnapshot()), "signals-snapshot-shutdown[" + name + "]");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException shuttingDown) {
            return null; // made while the JVM shuts down: there is no later shutdown to snapshot
        }
    }

    /** The shutdown snapshot, once, whether our hook or a close during shutdown gets there first. */
    private Future<Path> startShutdownSnapshot() {
        synchronized (lifecycle) {
            if (stopping || !shutdownTaken.compareAndSet(false, true)) {
                return null;
            }
            return start(TriggerKind.SHUTDOWN, "shutdown", null, true);
        }
    }

    private static void await(Future<?> write) {
        if (write == null) {
            return;
        }
        try {
            write.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            // Reported by the writer, or still running: nothing more to do here.
        }
    }

    /** Waits (at most 10 s) until every snapshot started so far is written or has failed. */
    @Override
    public void flush() {
        Future<?> marker;
        try {
            marker = writer.submit(() -> { });
        } catch (RejectedExecutionException closed) {
            awaitTermination();
            return;
        }
        await(marker);
    }

    /**
     * Stops taking snapshots and waits (at most 10 s) for those started to be written; restores
     * the uncaught-exception handler, removes the shutdown hook. Closed while the JVM shuts down
     * with {@code onShutdown}, it writes the shutdown snapshot first. Idempotent.
     */
    @Override
    public void close() {
        if (freezesBuffer != null) {
            buffer.stopFreezingOn(freezesBuffer);
        }
        if (uncaught != null) {
            uncaught.uninstall();
        }
        boolean jvmShuttingDown = false;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                jvmShuttingDown = true;
            }
        }
        synchronized (lifecycle) {
            if (jvmShuttingDown && shutdownTaken.compareAndSet(false, true)) {
                start(TriggerKind.SHUTDOWN, "shutdown", null, true);
            }
            stopping = true;
            if (periodic != null) {
                periodic.cancel(false);
            }
            writer.shutdown();
        }
        awaitTermination();
    }

    private void awaitTermination() {
        try {
            if (!writer.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                int abandoned = writer.shutdownNow().size();
                err.println("Signals: snapshot sink '" + name + "' closed with " + Math.max(abandoned, pending.get())
                        + " snapshot(s) not written within " + WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The buffer this sink writes out. */
    public TimeTravelSink buffer() {
        return buffer;
    }

    public SnapshotOptions options() {
        return options;
    }

    /** The uncaught-exception handler this sink installed, or {@code null}. */
    Thread.UncaughtExceptionHandler uncaughtHandler() {
        return uncaught;
    }

    /** The figures so far. */
    public SnapshotStats stats() {
        return new SnapshotStats(written.sum(), coolingDown.sum(), dropped.sum(), failed.sum(), deleted.sum(), lastFile,
                overBudget.total(), overBudget.byReason(), writtenByReason.snapshot());
    }

    @Override
    public String toString() {
        return "SnapshotSink[" + name + " -> " + options.directory() + "]";
    }
}
