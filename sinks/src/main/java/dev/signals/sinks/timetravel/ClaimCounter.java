package dev.signals.sinks.timetravel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Left padding: keeps the hot counter off the cache line of whatever the heap put before it. */
abstract class ClaimCounterLeftPad {
    long p01, p02, p03, p04, p05, p06, p07;
    long p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The counter itself, between two pads. */
abstract class ClaimCounterValue extends ClaimCounterLeftPad {
    volatile long value;
}

/**
 * The ring's claim counter: one atomic increment per event. Bit {@link #FROZEN} of the value
 * says that a trigger froze the ring: a writer learns it from the very increment that gives it
 * its claim, so no writer can claim after the trigger without knowing. Padded on both sides (field
 * layout keeps superclass fields first), because every writer thread hits it and a neighbour
 * sharing its cache line would be invalidated on each event.
 */
final class ClaimCounter extends ClaimCounterValue {
    long q01, q02, q03, q04, q05, q06, q07;
    long q08, q09, q10, q11, q12, q13, q14, q15;

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(ClaimCounterValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Set in the value while a trigger holds the ring frozen; never reached by the claims (2^62). */
    static final long FROZEN = 1L << 62;

    /** Claims the next number, from 0; {@link #FROZEN} is set in the result while the ring is frozen. */
    long next() {
        return (long) VALUE.getAndAdd(this, 1L);
    }

    /**
     * Claims the next number and freezes the ring in the same atomic step, unless it is frozen
     * already.
     *
     * @return the claim, or -1 when another trigger holds the ring frozen
     */
    long nextFreezing() {
        for (;;) {
            long v = value;
            if ((v & FROZEN) != 0) {
                return -1;
            }
            if (VALUE.compareAndSet(this, v, (v + 1) | FROZEN)) {
                return v;
            }
        }
    }

    /** Ends the freeze. */
    void thaw() {
        VALUE.getAndBitwiseAnd(this, ~FROZEN);
    }

    /** How many numbers have been claimed. */
    long current() {
        return value & ~FROZEN;
    }
}
