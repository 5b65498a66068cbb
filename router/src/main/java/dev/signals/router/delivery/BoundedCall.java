package dev.signals.router.delivery;

import java.util.concurrent.TimeUnit;

/**
 * Runs a call into a sink that may never return ({@code close()} on a FIFO nobody reads, a
 * {@code flush()} stuck on a dead network, an {@code accept} holding the lock close needs) on
 * a daemon thread of its own, and waits for it only until a deadline. A call that overruns is
 * left running: a daemon thread does not keep the JVM alive, so the shutdown deadline bounds
 * the whole shutdown.
 */
public final class BoundedCall extends Thread {

    private final Runnable call;

    private BoundedCall(Runnable call, String name, SinkChannel owner) {
        super(name);
        this.call = () -> {
            DeliveryStack.ownThread(owner.id()); // what the call logs never routes back into its own sink
            call.run();
        };
        setDaemon(true);
    }

    /** Starts {@code call} on a daemon thread named {@code name}, delivering for {@code owner}. */
    public static BoundedCall start(Runnable call, String name, SinkChannel owner) {
        BoundedCall t = new BoundedCall(call, name, owner);
        t.start();
        return t;
    }

    @Override
    public void run() {
        try {
            call.run();
        } catch (Throwable t) {
            // The calls handed here count and report their own failures; nothing is left to do.
        }
    }

    /**
     * Waits for the call until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @return whether it finished in time
     */
    public boolean awaitUntil(long deadlineNanos) {
        long wait = deadlineNanos - System.nanoTime();
        try {
            if (wait > 0) {
                join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !isAlive();
    }
}
