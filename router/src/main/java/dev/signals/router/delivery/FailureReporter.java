package dev.signals.router.delivery;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.router.RouterSignals;
import dev.signals.spi.Failures;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Turns one sink's failures into {@link RouterSignals#SINK_FAILED} events and stderr lines, at
 * most one per interval (the failures in between are counted into the next report), never back
 * into the sink that failed. A failure while reporting a failure is counted only: reporting
 * never recurses.
 */
final class FailureReporter {

    private static final ThreadLocal<Boolean> REPORTING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final PrintStream err;
    private final Notifier notifier;
    private final AtomicLong lastReport = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unreported = new AtomicLong();

    FailureReporter(long intervalNanos, LongSupplier nanoTime, PrintStream err, Notifier notifier) {
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
        this.err = err;
        this.notifier = notifier;
    }

    void failed(SinkChannel sink, Throwable cause) {
        try {
            reportFailure(sink, cause);
        } catch (Throwable t) {
            // Reporting is best effort; the failure itself is already counted by the channel.
        }
    }

    private void reportFailure(SinkChannel sink, Throwable cause) {
        unreported.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastReport.get();
        boolean due = last == Long.MIN_VALUE || now - last >= intervalNanos;
        if (!due || !lastReport.compareAndSet(last, now) || REPORTING.get()) {
            return;
        }
        long count = unreported.getAndSet(0);
        err.println("Signals: sink '" + sink.name() + "' failed (" + count + " failure" + (count == 1 ? "" : "s")
                + " since the last report): " + Failures.describe(cause));
        report(sink, Event.builder(RouterSignals.SINK_FAILED)
                .message("Sink " + sink.name() + " failed")
                .fields(Field.of("sink", sink.name()), Field.of("failures", count), Field.error(cause))
                .build());
    }

    /** Delivers a report about {@code sink} to every other sink, without ever recursing. */
    void report(SinkChannel sink, Event event) {
        if (REPORTING.get()) {
            return;
        }
        REPORTING.set(Boolean.TRUE);
        try {
            notifier.notifyExcept(event, sink);
        } catch (Throwable t) {
            // Reporting must never fail the delivery that triggered it; the failure stays counted.
        } finally {
            REPORTING.set(Boolean.FALSE);
        }
    }
}
