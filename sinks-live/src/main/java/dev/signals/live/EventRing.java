package dev.signals.live;

import dev.signals.Event;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded queue of events with many writers and one reader that loses its oldest events,
 * never its writers' time: a writer claims a slot with one atomic increment and publishes
 * with release stores; it never waits, never allocates, and overwrites whatever the reader
 * has not taken yet. The reader finds out how many it lost by comparing positions.
 *
 * <p>Each slot carries the claim number of the event it holds (or "being written"), read
 * before and after the event as in the time-travel buffer, so a reader never takes an event
 * twice or one from the wrong lap.
 */
final class EventRing {

    private static final VarHandle EVENTS = MethodHandles.arrayElementVarHandle(Event[].class);
    private static final VarHandle STAMPS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long BUSY = -1L;

    private final int capacity;
    private final Event[] events;
    private final long[] stamps;
    private final AtomicLong claims = new AtomicLong();
    /** The reader's position: the claim it takes next. Written by the reader only. */
    private volatile long next;
    /** Claims the reader skipped because they were overwritten. Written by the reader only. */
    private volatile long skipped;

    EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.events = new Event[capacity];
        this.stamps = new long[capacity];
        Arrays.fill(stamps, BUSY);
    }

    /** Adds {@code event}, overwriting the oldest one not yet taken when the ring is full. */
    void offer(Event event) {
        long claim = claims.getAndIncrement();
        int slot = (int) (claim % capacity);
        STAMPS.setOpaque(stamps, slot, BUSY);
        VarHandle.storeStoreFence();
        EVENTS.setRelease(events, slot, event);
        STAMPS.setRelease(stamps, slot, claim);
    }

    /**
     * The oldest event still held, or {@code null} when none is ready (the ring is empty, or
     * the next writer has claimed its slot and not yet filled it). Reader thread only.
     */
    Event poll() {
        long at = next;
        while (true) {
            long end = claims.get();
            if (at >= end) {
                next = at;
                return null;
            }
            if (end - at > capacity) { // overwritten while the reader was away
                skipped += end - capacity - at;
                at = end - capacity;
            }
            int slot = (int) (at % capacity);
            if ((long) STAMPS.getAcquire(stamps, slot) == at) {
                Event e = (Event) EVENTS.getAcquire(events, slot);
                VarHandle.loadLoadFence();
                if ((long) STAMPS.getAcquire(stamps, slot) == at) {
                    next = at + 1;
                    return e;
                }
                continue; // rewritten while read: the check above counts it
            }
            next = at;
            return null; // being written: ready soon, or overwritten and skipped on the next call
        }
    }

    /** Events lost so far: those the reader skipped, and those overwritten that it has not reached. */
    long lost() {
        long waiting = claims.get() - next;
        return skipped + Math.max(0, waiting - capacity);
    }

    /** Events lost that the reader has already passed over (what it can announce). */
    long skipped() {
        return skipped;
    }

    int capacity() {
        return capacity;
    }
}
