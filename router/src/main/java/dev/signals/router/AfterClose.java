package dev.signals.router;

import dev.signals.Event;
import dev.signals.Sink;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where events go once the router has closed (a shutdown hook that logs after Signals' own
 * hook finished, a thread still running): nowhere, but counted, and said once on stderr, so
 * that no event is lost without a trace.
 */
final class AfterClose implements Sink {

    private final PrintStream err;
    private final LongAdder count = new LongAdder();
    private final AtomicBoolean reported = new AtomicBoolean();

    AfterClose(PrintStream err) {
        this.err = err;
    }

    @Override
    public void accept(Event event) {
        count.increment();
        if (reported.compareAndSet(false, true)) {
            err.println("Signals: " + event.signal().name() + " was emitted after the router closed; it and any"
                    + " later events are not written, only counted (RouterStats.emittedAfterClose)");
        }
    }

    long count() {
        return count.sum();
    }
}
