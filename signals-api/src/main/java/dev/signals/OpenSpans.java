package dev.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The spans open in this process right now, for snapshots: every span started through
 * {@link Signals#span} registers here when it opens and leaves when it ends, whatever tracing
 * system is bridged in (or none).
 *
 * <p>Bounded: at most {@value #CAPACITY} spans are listed. A span opened while the table is
 * full is not listed, and counted in {@link #notListed()} until it ends. Registering takes a
 * compare-and-set on a preallocated table and allocates nothing; thread-safe.
 */
public final class OpenSpans {

    /** The most spans listed at once. */
    public static final int CAPACITY = 1_024;

    private static final AtomicReferenceArray<Span> SLOTS = new AtomicReferenceArray<>(CAPACITY);
    /** Where the next search for a free slot starts, so that openers spread over the table. */
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicInteger NOT_LISTED = new AtomicInteger();

    private OpenSpans() {
    }

    /** Lists {@code span}; returns its slot, or -1 when the table is full (then counted). */
    static int add(Span span) {
        int start = NEXT.getAndIncrement() & (CAPACITY - 1);
        for (int i = 0; i < CAPACITY; i++) {
            int slot = (start + i) & (CAPACITY - 1);
            if (SLOTS.get(slot) == null && SLOTS.compareAndSet(slot, null, span)) {
                return slot;
            }
        }
        NOT_LISTED.incrementAndGet();
        return -1;
    }

    /** Removes {@code span}, listed in {@code slot} by {@link #add} (or not listed: -1). */
    static void remove(Span span, int slot) {
        if (slot < 0) {
            NOT_LISTED.decrementAndGet();
        } else {
            SLOTS.compareAndSet(slot, span, null);
        }
    }

    /** The spans open now (at most {@value #CAPACITY}), oldest first. */
    public static List<Span> list() {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            Span s = SLOTS.get(i);
            if (s != null && !s.ended()) {
                out.add(s);
            }
        }
        out.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        return out;
    }

    /** Spans open now that {@link #list()} leaves out because the table was full when they opened. */
    public static int notListed() {
        return NOT_LISTED.get();
    }
}
