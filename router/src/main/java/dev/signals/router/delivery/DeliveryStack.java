package dev.signals.router.delivery;

/**
 * Which sinks the current thread is delivering to, innermost last: how an event emitted by a
 * sink's own delivery (its code logs, a library it calls logs, its worker thread logs) is kept
 * from flowing back into that sink, and how deep nesting is bounded.
 *
 * <p>One array per thread, of JDK type only, and its slots are cleared when each delivery
 * returns: an application's threads keep no reference to Signals' classes through it (a web
 * application can be unloaded). A worker thread holds its own channel in the first slot for
 * its whole life.
 */
public final class DeliveryStack {

    /** Nested dispatches one thread may make (a sink whose delivery emits, whose sink emits…). */
    public static final int MAX_DEPTH = 4;

    private static final ThreadLocal<Object[]> STACK = ThreadLocal.withInitial(() -> new Object[MAX_DEPTH + 1]);

    private DeliveryStack() {
    }

    /** The calling thread's stack; the last slot always stays empty. */
    public static Object[] current() {
        return STACK.get();
    }

    /** How many deliveries the thread is inside of. */
    public static int depth(Object[] stack) {
        int d = 0;
        while (stack[d] != null) {
            d++;
        }
        return d;
    }

    /** Whether {@code sink} is among the first {@code depth} entries: an event from its own delivery. */
    public static boolean contains(Object[] stack, int depth, SinkChannel sink) {
        for (int i = 0; i < depth; i++) {
            if (stack[i] == sink) {
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
        Object[] stack = STACK.get();
        Object[] saved = stack.clone();
        java.util.Arrays.fill(stack, null);
        try {
            work.run();
        } finally {
            System.arraycopy(saved, 0, stack, 0, saved.length);
        }
    }

    /** Marks the calling thread as delivering for {@code owner} for as long as it runs. */
    static void ownThread(Object owner) {
        STACK.get()[0] = owner;
    }
}
