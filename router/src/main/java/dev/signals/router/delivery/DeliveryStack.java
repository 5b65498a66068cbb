package dev.signals.router.delivery;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the current thread is delivering, one {@code long[]} per thread:
 *
 * <ul>
 *   <li>the ids of the sinks it delivers to, innermost last: how an event emitted by a sink's
 *       own delivery (its code logs, a library it calls logs, its worker thread logs) is kept
 *       from flowing back into that sink, and how deep nesting is bounded;</li>
 *   <li>the id of the route table each nesting level delivers through: how the router, having
 *       replaced a table, waits until no dispatch is still delivering through the old one
 *       before it closes the sinks it retired ({@link #awaitLeft}).</li>
 * </ul>
 *
 * <p>Entering a table is one volatile store and leaving it one release store on the thread's
 * own array: no shared counter is touched per event. The protocol: a dispatch stores the
 * table's id, then reads the router's table; the router swaps the table, then scans every
 * thread's slots. Both are volatile accesses, so either the dispatch sees the new table (and
 * moves to it) or the router sees the dispatch (and waits for it to leave).
 *
 * <p>The arrays hold numbers only, and their slots are cleared when each delivery returns: an
 * application's threads keep no reference to Signals' classes through them (a web application
 * can be unloaded). The registry the router scans holds them weakly, and forgets those of
 * ended threads as new threads register. A worker thread holds its own sink's id in the first
 * slot for its whole life.
 */
public final class DeliveryStack {

    /** Nested dispatches one thread may make (a sink whose delivery emits, whose sink emits…). */
    public static final int MAX_DEPTH = 4;

    /** Where the table slots begin: after the sink slots, the last of which always stays empty. */
    private static final int TABLES = MAX_DEPTH + 1;
    /** A slot holding no sink or table. Ids start at 1. */
    private static final long NONE = 0;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final Set<Reference<long[]>> STACKS = ConcurrentHashMap.newKeySet();
    private static final ReferenceQueue<long[]> ENDED = new ReferenceQueue<>();
    private static final ThreadLocal<long[]> STACK = ThreadLocal.withInitial(DeliveryStack::register);

    private DeliveryStack() {
    }

    private static long[] register() {
        for (Reference<? extends long[]> gone; (gone = ENDED.poll()) != null; ) {
            STACKS.remove(gone);
        }
        long[] stack = new long[TABLES + MAX_DEPTH + 1];
        STACKS.add(new WeakReference<>(stack, ENDED));
        return stack;
    }

    /** A new id for a sink channel or a route table, never {@code 0}. */
    public static long newId() {
        return IDS.incrementAndGet();
    }

    /** The calling thread's stack. */
    public static long[] current() {
        return STACK.get();
    }

    /** How many deliveries the thread is inside of. */
    public static int depth(long[] stack) {
        int d = 0;
        while (stack[d] != NONE) {
            d++;
        }
        return d;
    }

    /** Whether sink {@code id} is among the first {@code depth} entries: an event from its own delivery. */
    public static boolean contains(long[] stack, int depth, long id) {
        for (int i = 0; i < depth; i++) {
            if (stack[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** Marks the thread as delivering to sink {@code id} at {@code level} ({@code < MAX_DEPTH}). */
    public static void push(long[] stack, int level, long id) {
        stack[level] = id;
    }

    /** Ends the delivery marked by {@link #push} at {@code level}. */
    public static void pop(long[] stack, int level) {
        stack[level] = NONE;
    }

    /**
     * Marks the thread as dispatching through route table {@code table} at {@code level}
     * ({@code <= MAX_DEPTH}); the caller reads the router's current table only after this.
     */
    public static void enterTable(long[] stack, int level, long table) {
        SLOT.setVolatile(stack, TABLES + level, table);
    }

    /** Ends the dispatch marked by {@link #enterTable}; what it delivered happens-before a router that sees it left. */
    public static void leaveTable(long[] stack, int level) {
        SLOT.setRelease(stack, TABLES + level, NONE);
    }

    /**
     * Waits until no thread is dispatching through table {@code table}, or until {@code
     * deadlineNanos} ({@link System#nanoTime()}). Called after the table was replaced, so no
     * dispatch enters it anew.
     *
     * @return whether every dispatch through it left in time
     */
    public static boolean awaitLeft(long table, long deadlineNanos) {
        for (Reference<long[]> ref : STACKS) {
            long[] stack = ref.get();
            while (stack != null && inTable(stack, table)) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    return false;
                }
                LockSupport.parkNanos(50_000L);
            }
        }
        return true;
    }

    private static boolean inTable(long[] stack, long table) {
        for (int i = TABLES; i < stack.length; i++) {
            if ((long) SLOT.getVolatile(stack, i) == table) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} as if the thread delivered for no sink (its events reach every sink
     * routed to them), then puts the stack back: for work that a delivery starts but that is not
     * part of it, such as configuring the router from the first event.
     */
    public static void outside(Runnable work) {
        long[] stack = STACK.get();
        long[] saved = stack.clone();
        for (int i = 0; i < stack.length; i++) {
            SLOT.setVolatile(stack, i, NONE);
        }
        try {
            work.run();
        } finally {
            for (int i = 0; i < stack.length; i++) {
                SLOT.setVolatile(stack, i, saved[i]);
            }
        }
    }

    /** Marks the calling thread as delivering for sink {@code id} for as long as it runs. */
    static void ownThread(long id) {
        STACK.get()[0] = id;
    }
}
