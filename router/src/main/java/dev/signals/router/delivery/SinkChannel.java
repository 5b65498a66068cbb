package dev.signals.router.delivery;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.router.RouterSignals;
import dev.signals.router.spi.BatchFailedException;
import dev.signals.router.spi.BatchSink;
import dev.signals.router.spi.Figure;
import dev.signals.router.spi.OwnFigures;
import dev.signals.router.spi.OwnThreads;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The router's hold on one sink: its name, its delivery policy (queue, retries, breaker,
 * fallback) and its counters. Delivery through a channel never throws: a failure is counted,
 * reported as {@link RouterSignals#SINK_FAILED}, and the event is retried, diverted to the
 * fallback or counted as dropped.
 *
 * <p>Made by the router; application code meets channels only through their {@link SinkStats}.
 */
public final class SinkChannel {

    private final String name;
    /** Unique among channels: how a thread's {@link DeliveryStack} names the sinks it delivers to. */
    private final long id = DeliveryStack.newId();
    private final Severity minSeverity;
    private final Sink sink;
    private final DeliveryPolicy policy;
    private final SinkChannel fallback;
    private final SinkCounters counters = new SinkCounters();
    private final FailureReporter reporter;
    private final LongSupplier nanoTime;
    private final CircuitBreaker breaker;
    private final AsyncDelivery async;
    /** The sink's threads the router does not start, or {@code null} when it names none. */
    private final OwnThreads ownThreads;
    /** For a {@link BatchSink}: events it accepted that no successful flush has confirmed yet. */
    private final AtomicLong unconfirmed = new AtomicLong();
    /** Set when closing begins; a synchronous sink then takes no more events (they count as SHUTDOWN). */
    private volatile boolean closing;
    private final PrintStream err;
    /** Events that reach the sink after it closed are counted, and said once. */
    private final AtomicBoolean lateReported = new AtomicBoolean();

    /**
     * @param fallback the channel of the fallback sink, or {@code null}
     * @param notifier delivers reports about this sink to the other sinks
     * @param nanoTime the clock for breaker periods and report intervals
     */
    public SinkChannel(String name, Severity minSeverity, Sink sink, DeliveryPolicy policy, SinkChannel fallback,
                       Notifier notifier, PrintStream err, LongSupplier nanoTime) {
        this.name = name;
        this.minSeverity = minSeverity;
        this.sink = sink;
        this.policy = policy;
        this.fallback = fallback;
        this.nanoTime = nanoTime;
        this.err = err;
        this.reporter = new FailureReporter(1_000_000_000L, nanoTime, err, notifier);
        this.breaker = policy.breakerFailures() > 0
                ? new CircuitBreaker(policy.breakerFailures(), policy.breakerOpen().toNanos(), nanoTime, new BreakerReports())
                : null;
        this.async = policy.isAsync() ? new AsyncDelivery(name, policy, counters, new AsyncTarget(), this) : null;
        this.ownThreads = sink instanceof OwnThreads ? (OwnThreads) sink : null;
    }

    /**
     * Whether {@code event} was emitted on a thread the sink runs without the router (see
     * {@link OwnThreads}): it is the sink's own echo.
     */
    public boolean emittedOnOwnThread(Event event) {
        if (ownThreads == null) {
            return false;
        }
        try {
            return ownThreads.isOwnThread(event.thread());
        } catch (Throwable t) {
            return false; // the sink's own code: a failure here must not stop the event
        }
    }

    /** This channel's id in {@link DeliveryStack}s. */
    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The least severity this sink takes, whatever the routes say. */
    public Severity minSeverity() {
        return minSeverity;
    }

    /** The sink as it was given, for capabilities such as snapshots. */
    public Sink sink() {
        return sink;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    /** The channel this one diverts to, or {@code null}. */
    public SinkChannel fallbackChannel() {
        return fallback;
    }

    /** Hands one event to the sink: queued when asynchronous, else on the calling thread. */
    public void deliver(Event event) {
        if (async != null) {
            counters.routed();
            if (!async.offer(event)) {
                reportLate();
            }
        } else if (closing) {
            counters.dropped(DropReason.SHUTDOWN, 1);
            reportLate();
        } else {
            // A synchronous sink settles each event before returning: its routed count is
            // derived in stats(), one contended counter fewer on the emitting thread.
            process(event);
        }
    }

    private void reportLate() {
        if (lateReported.compareAndSet(false, true)) {
            err.println("Signals: sink '" + name + "' is closed; events that still reach it are counted as dropped (SHUTDOWN)");
        }
    }

    /** Counts an event routed to this sink that was let go before it reached it, for {@code reason}. */
    public void countDropped(DropReason reason) {
        if (async != null) {
            counters.routed();
        }
        counters.dropped(reason, 1);
    }

    private void process(Event event) {
        if (breaker != null && !breaker.allow()) {
            divertOrDrop(event, DropReason.CIRCUIT_OPEN);
            return;
        }
        int attempts = policy.retryAttempts();
        for (int attempt = 1; ; attempt++) {
            try {
                sink.accept(event);
                if (sink instanceof BatchSink) {
                    unconfirmed.incrementAndGet();
                    if (breaker != null && breaker.state() == CircuitBreaker.State.HALF_OPEN) {
                        flushSink(); // a probe is judged when its batch ships: ship it now
                    }
                } else {
                    counters.delivered(1);
                    if (breaker != null) {
                        breaker.success();
                    }
                }
                return;
            } catch (BatchFailedException batch) {
                unconfirmed.incrementAndGet();
                batchFailed(batch);
                return;
            } catch (Throwable t) {
                counters.failed();
                reporter.failed(this, t);
                if (breaker != null) {
                    breaker.failure(t);
                }
                boolean breakerOpen = breaker != null && breaker.state() != CircuitBreaker.State.CLOSED;
                if (attempt >= attempts || breakerOpen || !backoff(attempt)) {
                    divertOrDrop(event, DropReason.FAILURE);
                    return;
                }
            }
        }
    }

    /** Waits before retry {@code attempt + 1}: exponential, capped, with full jitter. False when closing. */
    private boolean backoff(int attempt) {
        long until = System.nanoTime() + RetryDelay.jittered(policy.retryBackoff().toNanos(),
                policy.retryMaxBackoff().toNanos(), attempt);
        while (System.nanoTime() - until < 0) {
            if (async != null && async.closing()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(until - System.nanoTime(), 10_000_000L));
        }
        return true;
    }

    private void divertOrDrop(Event event, DropReason reason) {
        if (fallback != null) {
            counters.diverted();
            fallback.deliver(event);
        } else {
            counters.dropped(reason, 1);
        }
    }

    private void flushSink() {
        try {
            sink.flush();
            long confirmed = unconfirmed.getAndSet(0);
            if (confirmed > 0) {
                counters.delivered(confirmed);
                if (breaker != null) {
                    breaker.success();
                }
            }
        } catch (BatchFailedException batch) {
            batchFailed(batch);
        } catch (Throwable t) {
            counters.failed();
            reporter.failed(this, t);
            long lost = unconfirmed.getAndSet(0);
            if (lost > 0) {
                counters.dropped(DropReason.FAILURE, lost);
                if (breaker != null) {
                    breaker.failure(t);
                }
            }
        }
    }

    /**
     * A batch sink could not ship some events: those are diverted or dropped; every other event
     * it accepted since the last confirmation arrived.
     */
    private void batchFailed(BatchFailedException batch) {
        counters.failed();
        reporter.failed(this, batch);
        if (breaker != null) {
            breaker.failure(batch);
        }
        long accepted = unconfirmed.getAndSet(0);
        int failed = batch.undelivered().size();
        counters.delivered(Math.max(0, accepted - failed));
        for (Event e : batch.undelivered()) {
            divertOrDrop(e, DropReason.FAILURE);
        }
    }

    /**
     * Delivers what is queued and flushes the sink, waiting at most {@code timeout}; a sink
     * whose flush overruns is left flushing on a daemon thread.
     *
     * @return whether everything was flushed in time
     */
    public boolean flush(Duration timeout) {
        if (async != null) {
            return async.flush(timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        return BoundedCall.start(this::flushSink, "signals-flush-" + name, this).awaitUntil(deadline);
    }

    /**
     * Drains the queue until the deadline, then flushes and closes the sink. Runs once; later
     * calls return 0 at once. The caller bounds the wait (see {@link BoundedCall}): a sink
     * stuck in {@code close()} holds this call, not the caller.
     *
     * @return events left undelivered (counted as dropped at shutdown)
     */
    public long close(Duration deadline) {
        synchronized (this) {
            if (closing) {
                return 0;
            }
            closing = true;
        }
        long left = async != null ? async.close(deadline) : 0;
        if (async == null || async.stopped()) {
            if (sink instanceof BatchSink) {
                flushSink();
            }
            try {
                sink.close();
            } catch (Throwable t) {
                counters.failed();
                reporter.failed(this, t);
            }
        }
        return left;
    }

    /** The figures of this sink now. */
    public SinkStats stats() {
        Map<DropReason, Long> dropped = counters.droppedByReason();
        long delivered = counters.deliveredCount();
        long diverted = counters.divertedCount();
        long routed;
        if (async != null) {
            routed = counters.routedCount();
        } else {
            routed = delivered + diverted + unconfirmed.get();
            for (long n : dropped.values()) {
                routed += n;
            }
        }
        return new SinkStats(name, routed, delivered, diverted, dropped, counters.failureCount(),
                async == null ? 0 : async.depth(), breaker == null ? "NONE" : breaker.state().name(),
                async == null ? 0 : policy.queueCapacity(), ownFigures());
    }

    /** What the sink reports of itself ({@link OwnFigures}); its code, so a throw gives none. */
    private List<Figure> ownFigures() {
        if (!(sink instanceof OwnFigures)) {
            return List.of();
        }
        try {
            List<Figure> figures = ((OwnFigures) sink).figures();
            return figures == null ? List.of() : List.copyOf(figures);
        } catch (Throwable t) {
            return List.of();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The worker's view of this channel. */
    private final class AsyncTarget implements AsyncDelivery.Target {
        @Override
        public void process(Event event) {
            SinkChannel.this.process(event);
        }

        @Override
        public void flush() {
            flushSink();
        }

        @Override
        public long lingerNanos() {
            return sink instanceof BatchSink ? ((BatchSink) sink).linger().toNanos() : 0;
        }
    }

    /** Reports breaker transitions as signals to the other sinks and on stderr. */
    private final class BreakerReports implements CircuitBreaker.Listener {
        @Override
        public void opened(int consecutiveFailures, Throwable cause) {
            reporter.report(SinkChannel.this, Event.builder(RouterSignals.SINK_CIRCUIT_OPENED)
                    .message("Circuit opened for sink " + name)
                    .fields(Field.of("sink", name), Field.of("failures", consecutiveFailures),
                            Field.of("retry_after", policy.breakerOpen()), Field.error(cause))
                    .build());
        }

        @Override
        public void closed() {
            reporter.report(SinkChannel.this, Event.builder(RouterSignals.SINK_CIRCUIT_CLOSED)
                    .message("Circuit closed for sink " + name)
                    .fields(Field.of("sink", name))
                    .build());
        }
    }
}
