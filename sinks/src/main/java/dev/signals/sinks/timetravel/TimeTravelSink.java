package dev.signals.sinks.timetravel;

import dev.signals.Event;
import dev.signals.Sink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The time-travel buffer: the last {@code capacity} events it was given, of every severity,
 * kept in memory so that a snapshot can write out what led up to a failure.
 *
 * <p><b>Cost.</b> Built to stay on in production: a preallocated ring of event references,
 * written without locks. {@link #accept} claims a slot with one atomic increment and publishes
 * the event with release stores; it allocates nothing and never blocks. It is a synchronous
 * sink: the router calls it on the emitting thread.
 *
 * <p><b>Consistency.</b> Each slot carries a stamp: the claim number of the event it holds,
 * or "being written". {@link #copy()} reads a slot's stamp, then its event, then the stamp
 * again (a sequence lock per slot), and keeps the event only when both stamps name the claim
 * it expects. A copy taken while threads keep writing therefore never holds an event twice and
 * never a partial one; a slot being rewritten during the copy is left out and counted
 * ({@link Window#missed()}). Events are immutable, so what is kept is whole.
 *
 * <p>A writer preempted between its claim and its store for a whole turn of the ring can, when
 * it resumes, put its (by then older) event over a newer one; that slot then counts as missed
 * until the ring overwrites it. Preventing it would need writers to wait for one another.</p>
 *
 * <p>The ring has a power-of-two number of slots (at least {@code capacity}); a copy covers
 * exactly the last {@code capacity} claims. {@link #close()} keeps the contents readable, so a
 * last snapshot can still be taken at shutdown. Thread-safe.
 */
public final class TimeTravelSink implements Sink {

    /** The capacity when none is given. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** The largest capacity accepted (2^24 events). */
    public static final int MAX_CAPACITY = 1 << 24;

    private static final VarHandle EVENTS = MethodHandles.arrayElementVarHandle(Event[].class);
    private static final VarHandle STAMPS = MethodHandles.arrayElementVarHandle(long[].class);
    /** The stamp of a slot never written, or being written: no claim is negative. */
    private static final long BUSY = -1L;

    private final int capacity;
    private final int mask;
    private final Event[] events;
    private final long[] stamps;
    private final ClaimCounter claims = new ClaimCounter();

    /** A buffer of {@link #DEFAULT_CAPACITY} events. */
    public TimeTravelSink() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A buffer holding the last {@code capacity} events.
     *
     * @throws IllegalArgumentException unless {@code 1 <= capacity <= MAX_CAPACITY}
     */
    public TimeTravelSink(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be between 1 and " + MAX_CAPACITY + ", was " + capacity);
        }
        this.capacity = capacity;
        int slots = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.mask = slots - 1;
        this.events = new Event[slots];
        this.stamps = new long[slots];
        Arrays.fill(stamps, BUSY);
    }

    /**
     * Keeps {@code event}, overwriting the oldest when the buffer is full. Lock-free, allocation-free;
     * a {@code null} event is ignored.
     */
    @Override
    public void accept(Event event) {
        if (event == null) {
            return;
        }
        long claim = claims.next();
        int slot = (int) claim & mask;
        // Mark the slot busy before the event changes, so a reader between the two stores sees it.
        STAMPS.setOpaque(stamps, slot, BUSY);
        VarHandle.storeStoreFence();
        EVENTS.setRelease(events, slot, event);
        STAMPS.setRelease(stamps, slot, claim);
    }

    /**
     * Copies the last {@code capacity} events without emptying the buffer. Costs one pass over
     * the window and one array; the sort into sequence order is left to whoever reads
     * {@link Window#events()} (a snapshot's writer thread).
     */
    public Window copy() {
        long end = claims.current();
        long start = Math.max(0, end - capacity);
        Event[] out = new Event[(int) (end - start)];
        int n = 0;
        for (long claim = start; claim < end; claim++) {
            int slot = (int) claim & mask;
            if ((long) STAMPS.getAcquire(stamps, slot) != claim) {
                continue; // not yet published, or already overwritten by a newer claim
            }
            Event e = (Event) EVENTS.getAcquire(events, slot);
            VarHandle.loadLoadFence();
            if ((long) STAMPS.getAcquire(stamps, slot) != claim) {
                continue; // rewritten while we read it
            }
            out[n++] = e;
        }
        return new Window(out, n, capacity, start, end);
    }

    /** How many events the buffer keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** How many events the buffer has been given since it was made. */
    public long received() {
        return claims.current();
    }

    /** How many events a copy taken now would cover: {@code min(received, capacity)}. */
    public int size() {
        return (int) Math.min(claims.current(), capacity);
    }

    /** Nothing to release; the contents stay readable for a last snapshot. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "TimeTravelSink[capacity=" + capacity + ", received=" + received() + "]";
    }
}
