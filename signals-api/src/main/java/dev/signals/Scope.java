package dev.signals;

/**
 * A block of work during which the current thread carries extra context: scoped fields, or a
 * trace continued from another service. Close it (try-with-resources) on the thread that
 * opened it; closing restores what the thread carried before.
 */
public final class Scope implements AutoCloseable {

    private final ThreadContext previous;
    private final Thread owner;
    private boolean closed;

    Scope(ThreadContext previous) {
        this.previous = previous;
        this.owner = Thread.currentThread();
    }

    static Scope open(ThreadContext next) {
        Scope scope = new Scope(ThreadContext.current());
        ThreadContext.set(next);
        return scope;
    }

    /** Restores the thread's previous context. Idempotent; ignored on a thread other than the owner. */
    @Override
    public void close() {
        if (closed || Thread.currentThread() != owner) {
            return;
        }
        closed = true;
        ThreadContext.set(previous);
    }
}
