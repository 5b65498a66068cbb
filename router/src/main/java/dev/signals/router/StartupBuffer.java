package dev.signals.router;

import dev.signals.Event;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryStack;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what is emitted while the global router is being configured (a library that logs from
 * a sink's constructor, another thread logging meanwhile), then hands it to the routes once
 * they are in force. Nothing waits for the configuration and nothing is lost: at most
 * {@value #CAPACITY} events are kept; beyond that they are counted and said on stderr.
 *
 * <p>The first event also starts the configuration, on the emitting thread, outside any class
 * initialiser: a library logging on the configuring thread finds the router already there.
 */
final class StartupBuffer implements Sink {

    static final int CAPACITY = 10_000;

    private final Runnable configure;
    private final PrintStream err;
    private final List<Event> held = new ArrayList<>();
    private long overflowed;
    private Router replayTo;

    StartupBuffer(Runnable configure, PrintStream err) {
        this.configure = configure;
        this.err = err;
    }

    @Override
    public void accept(Event event) {
        Router open;
        synchronized (this) {
            open = replayTo;
            if (open == null) {
                if (held.size() < CAPACITY) {
                    held.add(event);
                } else {
                    overflowed++;
                }
            }
        }
        if (open != null) {
            open.dispatch(event); // raced the end of start-up: goes straight to the routes
        } else {
            // Not part of this delivery: what the configuration logs reaches the buffer like any event.
            DeliveryStack.outside(configure);
        }
    }

    /** The routes are in force: delivers what was held through {@code router}, in order. */
    void release(Router router) {
        List<Event> replay;
        long lost;
        synchronized (this) {
            replayTo = router;
            replay = new ArrayList<>(held);
            held.clear();
            lost = overflowed;
        }
        for (Event e : replay) {
            router.dispatch(e);
        }
        if (lost > 0) {
            err.println("Signals: " + lost + " event(s) emitted while the router was being configured were"
                    + " dropped: at most " + CAPACITY + " are kept for delivery once the routes are in force");
        }
    }
}
