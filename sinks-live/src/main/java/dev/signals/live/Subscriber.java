package dev.signals.live;

import dev.signals.Event;
import java.util.concurrent.locks.LockSupport;

/**
 * One client of the event stream: its filter, tested on the emitting thread, and its bounded
 * ring of matching events, read by the one thread that writes them to the client. A writer
 * never waits for the reader: it wakes it only when the reader has said it is idle.
 */
final class Subscriber {

    private final LiveFilter filter;
    private final EventRing ring;
    private final Thread reader;
    private volatile boolean waiting;
    private volatile boolean closed;

    /** A subscriber read by the calling thread. */
    Subscriber(LiveFilter filter, int queue) {
        this.filter = filter;
        this.ring = new EventRing(queue);
        this.reader = Thread.currentThread();
    }

    /** Queues {@code event} when it passes the filter; never blocks. */
    void offer(Event event) {
        if (filter.test(event)) {
            ring.offer(event);
            if (waiting) {
                LockSupport.unpark(reader);
            }
        }
    }

    /** The next event, or {@code null} when none is ready. Reader only. */
    Event poll() {
        return ring.poll();
    }

    /** The next event, waiting at most {@code timeoutNanos}; {@code null} on time-out or close. Reader only. */
    Event next(long timeoutNanos) {
        Event e = ring.poll();
        if (e != null || closed) {
            return e;
        }
        waiting = true;
        try {
            e = ring.poll(); // an event offered before `waiting` was seen: no wake-up comes for it
            if (e == null && !closed) {
                LockSupport.parkNanos(this, timeoutNanos);
                e = ring.poll();
            }
            return e;
        } finally {
            waiting = false;
        }
    }

    /** Events lost so far, announced or not. */
    long lost() {
        return ring.lost();
    }

    /** Events lost that the reader has passed over: what it can tell the client. Reader only. */
    long skipped() {
        return ring.skipped();
    }

    /** Ends the subscription: the reader's wait returns. */
    void close() {
        closed = true;
        LockSupport.unpark(reader);
    }

    boolean isClosed() {
        return closed;
    }
}
