package dev.signals.router;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.router.config.ConfigException;
import dev.signals.router.delivery.SinkStats;
import dev.signals.spi.Failures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The router's periodic work on one daemon thread, started only when needed: checking the
 * config file for changes, and emitting {@link RouterSignals#ROUTER_STATS}.
 */
final class RouterTimers {

    private final Router router;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> watch;
    private ScheduledFuture<?> stats;
    private Path watchedFile;
    private Duration watchInterval = Duration.ZERO;
    private String lastSeen;
    /** The last refusal reported, so that a file that stays wrong is reported once, not every interval. */
    private volatile String lastProblem;
    private Duration statsInterval = Duration.ZERO;

    RouterTimers(Router router) {
        this.router = router;
    }

    /**
     * Remembers {@code file} as the config source and checks it every {@code interval} (zero:
     * only when asked, through {@link #checkNow()}), applying it when its content changes.
     */
    synchronized void watch(Path file, String fingerprint, Duration interval) {
        lastSeen = fingerprint;
        boolean sameSchedule = file.equals(watchedFile) && interval.equals(watchInterval);
        if (!sameSchedule) {
            unwatch();
            watchedFile = file;
            watchInterval = interval;
            if (!interval.isZero()) {
                long ms = interval.toMillis();
                watch = executor().scheduleWithFixedDelay(this::checkNow, ms, ms, TimeUnit.MILLISECONDS);
            }
        }
    }

    synchronized void unwatch() {
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
        watchedFile = null;
        watchInterval = Duration.ZERO;
    }

    /**
     * Applies the watched file if it changed since it was last seen. A refused edit is
     * reported once; it is tried again only when the file changes again.
     */
    void checkNow() {
        Path file;
        synchronized (this) {
            file = watchedFile;
        }
        if (file == null || router.isClosed()) {
            return;
        }
        try {
            ConfigFile now = ConfigFile.read(file);
            synchronized (this) {
                if (now.fingerprint().equals(lastSeen)) {
                    return;
                }
                lastSeen = now.fingerprint();
            }
            router.configure(file);
            lastProblem = null;
        } catch (ConfigException e) {
            if (isNew(e.getMessage())) {
                router.reportRejected(file.toString(), e);
            }
        } catch (RuntimeException | Error e) {
            // Whatever happens, the timer thread lives on: reloads and ROUTER_STATS must not stop.
            String problem = Failures.describe(e);
            if (isNew(problem)) {
                router.err().println("Signals: reloading " + file + " failed: " + problem);
            }
        }
    }

    private synchronized boolean isNew(String problem) {
        if (problem.equals(lastProblem)) {
            return false;
        }
        lastProblem = problem;
        return true;
    }

    /** Emits the router's figures every {@code interval}; zero stops it. */
    synchronized void emitStatsEvery(Duration interval) {
        if (interval.equals(statsInterval)) {
            return;
        }
        statsInterval = interval;
        if (stats != null) {
            stats.cancel(false);
            stats = null;
        }
        if (!interval.isZero()) {
            long ms = interval.toMillis();
            stats = executor().scheduleAtFixedRate(this::emitStats, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Emits one ROUTER_STATS per sink. A failure skips one round, never the schedule (an escaping throwable would cancel it). */
    void emitStats() {
        try {
            emitStatsNow();
        } catch (Throwable t) {
            router.err().println("Signals: emitting ROUTER_STATS failed: " + Failures.describe(t));
        }
    }

    private void emitStatsNow() {
        for (SinkStats s : router.stats().sinks().values()) {
            router.emitInternal(Event.builder(RouterSignals.ROUTER_STATS)
                    .message("Sink " + s.name())
                    .fields(Field.of("sink", s.name()), Field.of("routed", s.routed()), Field.of("delivered", s.delivered()),
                            Field.of("diverted", s.diverted()), Field.of("dropped", s.droppedTotal()),
                            Field.of("dropped_by_reason", s.dropped()), Field.of("failures", s.failures()),
                            Field.of("queue_depth", s.queueDepth()), Field.of("circuit", s.circuit()))
                    .build());
        }
    }

    synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "signals-router-timer");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }
}
