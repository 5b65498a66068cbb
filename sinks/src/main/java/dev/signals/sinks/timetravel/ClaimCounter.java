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
 * The ring's claim counter: one atomic increment per event. Padded on both sides (field
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

    /** Claims the next number, from 0. */
    long next() {
        return (long) VALUE.getAndAdd(this, 1L);
    }

    /** How many numbers have been claimed. */
    long current() {
        return value;
    }
}
