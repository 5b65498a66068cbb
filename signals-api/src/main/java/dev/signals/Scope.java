package dev.signals;

import dev.signals.spi.BridgeScope;

/**
 * A block of work during which the current thread carries extra context: scoped fields, or a
 * trace continued from another service. Close it (try-with-resources) on the thread that
 * opened it; closing restores what the thread carried before.
 */
public final class Scope implements AutoCloseable {

    private final ThreadContext previous;
    private final BridgeScope bridge;
    private final Thread owner;
    private boolean closed;

    private Scope(ThreadContext previous, BridgeScope bridge) {
        this.previous = previous;
        this.bridge = bridge;
        this.owner = Thread.currentThread();
    }

    static Scope open(ThreadContext next) {
        return open(next, null);
    }

    /** Opens a scope that also closes {@code bridge} (the tracing system's own scope), or none when null. */
    static Scope open(ThreadContext next, BridgeScope bridge) {
        Scope scope = new Scope(ThreadContext.current(), bridge);
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
        if (bridge != null) {
            ThreadContext.close(bridge);
        }
        ThreadContext.set(previous);
    }
}
