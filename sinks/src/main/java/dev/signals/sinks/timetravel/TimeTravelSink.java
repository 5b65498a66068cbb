package dev.signals.sinks.timetravel;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.spi.BeforeCapture;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

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
 * or "being written". A copy reads a slot's stamp, then its event, then the stamp again (a
 * sequence lock per slot), and keeps the event only when both stamps name the claim it
 * expects. A copy taken while threads keep writing therefore never holds an event twice and
 * never a partial one; a slot being rewritten during the copy is left out and counted
 * ({@link Window#missed()}). Events are immutable, so what is kept is whole.
 *
 * <p><b>Frozen at the trigger.</b> A snapshot sink tells the buffer which signals trigger it
 * ({@link #freezeOn}). The buffer claims a trigger's slot and freezes its ring in one atomic
 * step: every writer that claims after it learns so from its own claim and writes into a
 * spare ring of the same size instead, so nothing overwrites the window that ends at the
 * trigger, however long the triggering thread is descheduled before {@link #copy(Event)}
 * reads it. For a trigger emitted through {@code Signals}, the router lets the buffer take
 * that claim and freeze before the trigger is even made and numbered ({@link #beforeCapture}),
 * so that no event numbered after it can push out the ones before it while its thread is
 * descheduled between numbering it and handing it over. The copy then thaws the ring; the
 * spare ring's events stay findable by their stamps. One freeze at a time: a trigger arriving
 * while another holds the ring frozen is kept like any event, and its copy is taken unfrozen; a
 * freeze whose thread has ended is lifted by the next trigger. The spare ring is allocated by
 * the first {@link #freezeOn}; it doubles the buffer's memory.
 *
 * <p>A writer preempted between its claim and its store for a whole turn of the ring can, when
 * it resumes, put its (by then older) event over a newer one; that slot then counts as missed
 * until the ring overwrites it. Preventing it would need writers to wait for one another.</p>
 *
 * <p>The ring has a power-of-two number of slots, at least {@code capacity} plus a quarter (at
 * least 4 096 more); a copy covers at most {@code capacity} events. {@link #close()} keeps the contents readable, so a last
 * snapshot can still be taken at shutdown. Thread-safe.
 */
public final class TimeTravelSink implements Sink, BeforeCapture {

    /** The capacity when none is given. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** The largest capacity accepted (2^24 events). */
    public static final int MAX_CAPACITY = 1 << 24;

    /** The least number of slots beyond the capacity. */
    private static final int MIN_SLACK = 4_096;

    private static final VarHandle EVENTS = MethodHandles.arrayElementVarHandle(Event[].class);
    private static final VarHandle STAMPS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle FROZEN_BY;
    private static final VarHandle PLACED_TRIGGER;
    private static final VarHandle RESERVED_BY;
    /** The stamp of a slot never written, or being written: no claim is negative. */
    private static final long BUSY = -1L;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FROZEN_BY = lookup.findVarHandle(TimeTravelSink.class, "frozenBy", Event.class);
            PLACED_TRIGGER = lookup.findVarHandle(TimeTravelSink.class, "placedTrigger", Event.class);
            RESERVED_BY = lookup.findVarHandle(TimeTravelSink.class, "reservedBy", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    private final int mask;
    private final Event[] events;
    private final long[] stamps;
    private final ClaimCounter claims = new ClaimCounter();

    /** The spare ring, written while frozen; allocated by the first {@link #freezeOn}. */
    private Event[] spareEvents;
    private long[] spareStamps;
    private final List<Predicate<Signal>> triggerTests = new ArrayList<>();
    /** Whether an event of a signal freezes the ring, or {@code null} when no snapshot sink watches it. */
    private volatile Predicate<Signal> freezesOn;
    /** The trigger holding the ring frozen, or {@code null}; set after the freeze bit, cleared before. */
    private volatile Event frozenBy;
    private volatile Thread frozenThread;
    private volatile long frozenClaim;
    /** A trigger {@link #copy(Event)} put in before {@link #accept} was given it; that delivery is then skipped. */
    private volatile Event placedTrigger;
    /** The thread whose trigger, not yet made, holds the ring frozen ({@link #beforeCapture}), or {@code null}. */
    private volatile Thread reservedBy;
    /** The claim kept for that trigger. */
    private volatile long reservedClaim;

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
        // Slack beyond the capacity: at a freeze, room for the events that raced the trigger.
        int wanted = capacity + Math.max(MIN_SLACK, capacity / 4);
        int slots = Integer.highestOneBit(wanted - 1) << 1;
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
        Predicate<Signal> freezes = freezesOn;
        if (freezes != null && freezes.test(event.signal())) {
            if (event == placedTrigger && PLACED_TRIGGER.compareAndSet(this, event, (Event) null)) {
                return; // a snapshot sink reached first has put it in already
            }
            if (freeze(event)) {
                return;
            }
        }
        keepUnfrozen(event);
    }

    private void keepUnfrozen(Event event) {
        long claim = claims.next();
        if ((claim & ClaimCounter.FROZEN) == 0) {
            write(events, stamps, claim, event);
        } else {
            writeWhileFrozen(claim & ~ClaimCounter.FROZEN, event);
        }
    }

    private void write(Event[] ring, long[] ringStamps, long claim, Event event) {
        int slot = (int) claim & mask;
        // Mark the slot busy before the event changes, so a reader between the two stores sees it.
        STAMPS.setOpaque(ringStamps, slot, BUSY);
        VarHandle.storeStoreFence();
        EVENTS.setRelease(ring, slot, event);
        STAMPS.setRelease(ringStamps, slot, claim);
    }

    private void writeWhileFrozen(long claim, Event event) {
        Thread me = Thread.currentThread();
        if (reservedBy == me) {
            unreserve(me); // its trigger never came here (a route filter, sampling or a rate limit stopped it)
        } else {
            Event trigger = frozenBy;
            if (trigger != null && frozenThread == me) {
                // The thread that froze the ring has moved on, so its snapshot has copied (or will not).
                release(trigger);
            }
        }
        write(spareEvents, spareStamps, claim, event);
    }

    /**
     * Freezes the ring before an event of {@code signal} is made on this thread, when the signal
     * is a trigger: the claim it takes is kept for that event, so every event numbered after the
     * trigger is written after it, and none of them can push out the window before it. Allocates
     * nothing; does nothing when the ring is frozen already.
     */
    @Override
    public void beforeCapture(Signal signal) {
        Predicate<Signal> freezes = freezesOn;
        if (freezes == null || !freezes.test(signal)) {
            return;
        }
        if ((frozenBy != null || reservedBy != null) && !thawIfHolderDied()) {
            return;
        }
        long claim = claims.nextFreezing();
        if (claim >= 0) {
            reservedClaim = claim;
            reservedBy = Thread.currentThread();
        }
    }

    /** Claims the trigger's slot and freezes the ring in one step; false when another trigger holds it. */
    private boolean freeze(Event trigger) {
        Thread me = Thread.currentThread();
        long claim;
        if (reservedBy == me) {
            claim = reservedClaim; // frozen for it before it was made: its slot is waiting
        } else {
            claim = claims.nextFreezing();
            if (claim < 0 && thawIfHolderDied()) {
                claim = claims.nextFreezing();
            }
            if (claim < 0) {
                return false;
            }
        }
        write(events, stamps, claim, trigger);
        frozenClaim = claim;
        frozenThread = me;
        frozenBy = trigger;
        reservedBy = null; // after frozenBy: the ring never looks unheld while frozen
        return true;
    }

    private boolean unreserve(Thread holder) {
        if (RESERVED_BY.compareAndSet(this, holder, (Thread) null)) {
            claims.thaw(); // the kept slot stays empty: counted missed by the copies that cover it
            return true;
        }
        return false;
    }

    /**
     * A freeze or a kept slot is ended by its thread (its copy, or its next event); a thread that
     * ended first would hold the ring frozen for good, and no later trigger could freeze it.
     *
     * @return whether a freeze was lifted
     */
    private boolean thawIfHolderDied() {
        Thread reserving = reservedBy;
        if (reserving != null && !reserving.isAlive() && unreserve(reserving)) {
            return true;
        }
        Event trigger = frozenBy;
        Thread freezing = frozenThread;
        return trigger != null && freezing != null && !freezing.isAlive() && release(trigger);
    }

    /**
     * From now on, an event for which {@code trigger} is true freezes the buffer until
     * {@link #copy(Event)} or {@link #release(Event)} for it (or the next event of the same
     * thread). Allocates the spare ring on first use. Call it before routing events to the
     * snapshot sink; the test runs on every event, so it must be cheap and never throw.
     */
    public synchronized void freezeOn(Predicate<Signal> trigger) {
        if (spareEvents == null) {
            spareEvents = new Event[events.length];
            spareStamps = new long[stamps.length];
            Arrays.fill(spareStamps, BUSY);
        }
        triggerTests.add(trigger);
        freezesOn = anyOf(triggerTests);
    }

    /** Undoes {@link #freezeOn} for this {@code trigger} (the same instance); the spare ring stays. */
    public synchronized void stopFreezingOn(Predicate<Signal> trigger) {
        triggerTests.remove(trigger);
        freezesOn = triggerTests.isEmpty() ? null : anyOf(triggerTests);
    }

    private static Predicate<Signal> anyOf(List<Predicate<Signal>> tests) {
        if (tests.size() == 1) {
            return tests.get(0);
        }
        List<Predicate<Signal>> copy = List.copyOf(tests);
        return e -> {
            for (Predicate<Signal> t : copy) {
                if (t.test(e)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * The window that ends at {@code trigger}. When {@code trigger} froze the buffer: the last
     * {@code capacity} events emitted up to and including it (by {@link Event#sequence()}),
     * then the buffer is thawed; events emitted after it that reached the buffer first are left
     * out. A trigger of this buffer that it was not given yet (the snapshot sink routed before
     * it) is put in and freezes it here, and its own delivery later is skipped. Otherwise the
     * same as {@link #copy()}.
     */
    public Window copy(Event trigger) {
        if (trigger != null && frozenBy != trigger && freezesOn(trigger) && !holds(trigger)) {
            placeAhead(trigger);
        }
        if (trigger != null && frozenBy == trigger) {
            long claim = frozenClaim;
            try {
                return copyFrozen(claim, trigger.sequence());
            } finally {
                release(trigger);
            }
        }
        return copy();
    }

    /**
     * A route may name the snapshot sink before its buffer, so the trigger reaches the copy
     * before the buffer has it: put it in (and freeze) now, as its own delivery would, and let
     * that delivery, when it comes, be skipped.
     */
    private void placeAhead(Event trigger) {
        placedTrigger = trigger;
        if (!freeze(trigger)) {
            keepUnfrozen(trigger);
        }
    }

    private boolean freezesOn(Event event) {
        Predicate<Signal> freezes = freezesOn;
        return freezes != null && freezes.test(event.signal());
    }

    /** Whether either ring holds {@code event}; searched from the newest claim, where a trigger just kept is. */
    private boolean holds(Event event) {
        Event[] spare = spareRing();
        long end = claims.current();
        for (long claim = end - 1; claim >= Math.max(0, end - events.length); claim--) {
            if (read(events, stamps, claim) == event || (spare != null && read(spare, spareStamps, claim) == event)) {
                return true;
            }
        }
        return false;
    }

    /** Thaws the buffer if {@code trigger} froze it (a snapshot not taken) and answers true; otherwise does nothing. */
    public boolean release(Event trigger) {
        if (trigger != null && FROZEN_BY.compareAndSet(this, trigger, (Event) null)) {
            frozenThread = null;
            claims.thaw();
            return true;
        }
        return false;
    }

    /**
     * Copies the last {@code capacity} events without emptying the buffer. Costs one pass over
     * the window and one array; the sort into sequence order is left to whoever reads
     * {@link Window#events()} (a snapshot's writer thread).
     */
    public Window copy() {
        return copyUpTo(claims.current());
    }

    private Window copyUpTo(long end) {
        long start = Math.max(0, end - capacity);
        Event[] out = new Event[(int) (end - start)];
        Event[] spare = spareRing();
        int n = 0;
        for (long claim = start; claim < end; claim++) {
            Event e = read(events, stamps, claim);
            if (e == null && spare != null) {
                e = read(spare, spareStamps, claim); // written while a trigger held the ring frozen
            }
            if (e != null) {
                out[n++] = e;
            }
        }
        return new Window(out, n, capacity, start, end, 0);
    }

    /**
     * Walks back from the trigger's claim over the frozen ring (its slack beyond
     * {@code capacity} absorbs the events that raced the trigger), keeping events emitted up
     * to the trigger until {@code capacity} are kept.
     */
    private Window copyFrozen(long triggerClaim, long triggerSequence) {
        long floor = Math.max(0, triggerClaim + 1 - events.length);
        Event[] out = new Event[(int) Math.min(capacity, triggerClaim + 1)];
        Event[] spare = spareRing();
        int n = 0;
        long after = 0;
        long claim = triggerClaim;
        for (; claim >= floor && n < out.length; claim--) {
            Event e = read(events, stamps, claim);
            if (e == null && spare != null) {
                e = read(spare, spareStamps, claim);
            }
            if (e == null) {
                continue;
            }
            if (e.sequence() > triggerSequence) {
                after++;
            } else {
                out[n++] = e;
            }
        }
        return new Window(out, n, capacity, claim + 1, triggerClaim + 1, after);
    }

    private synchronized Event[] spareRing() {
        return spareEvents;
    }

    /** The event of {@code claim} in that ring, or {@code null}: not yet published, overwritten, or rewritten while read. */
    private Event read(Event[] ring, long[] ringStamps, long claim) {
        int slot = (int) claim & mask;
        if ((long) STAMPS.getAcquire(ringStamps, slot) != claim) {
            return null;
        }
        Event e = (Event) EVENTS.getAcquire(ring, slot);
        VarHandle.loadLoadFence();
        return (long) STAMPS.getAcquire(ringStamps, slot) == claim ? e : null;
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
