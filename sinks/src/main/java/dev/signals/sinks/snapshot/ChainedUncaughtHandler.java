package dev.signals.sinks.snapshot;

import java.util.function.BiConsumer;

/**
 * The default uncaught-exception handler a snapshot sink installs with
 * {@code "onUncaughtException": true}. It takes a snapshot, then hands the exception to the
 * handler that was installed before it, never replacing what that one does; with none, it
 * prints the stack trace to stderr as the JVM would.
 *
 * <p>{@link #uninstall()} puts the previous handler back when this one is still the default;
 * when another handler was installed on top meanwhile (and may delegate to this one), this one
 * only turns itself into a pass-through, so that chain stays intact.
 */
final class ChainedUncaughtHandler implements Thread.UncaughtExceptionHandler {

    private final Thread.UncaughtExceptionHandler previous;
    private final BiConsumer<Thread, Throwable> onUncaught;
    private volatile boolean active = true;

    private ChainedUncaughtHandler(Thread.UncaughtExceptionHandler previous, BiConsumer<Thread, Throwable> onUncaught) {
        this.previous = previous;
        this.onUncaught = onUncaught;
    }

    /** Installs a handler that calls {@code onUncaught}, then the handler installed now. */
    static ChainedUncaughtHandler install(BiConsumer<Thread, Throwable> onUncaught) {
        synchronized (ChainedUncaughtHandler.class) {
            ChainedUncaughtHandler handler = new ChainedUncaughtHandler(Thread.getDefaultUncaughtExceptionHandler(), onUncaught);
            Thread.setDefaultUncaughtExceptionHandler(handler);
            return handler;
        }
    }

    /** Stops taking snapshots; restores the previous handler if this one is still the default. */
    void uninstall() {
        synchronized (ChainedUncaughtHandler.class) {
            active = false;
            if (Thread.getDefaultUncaughtExceptionHandler() == this) {
                Thread.setDefaultUncaughtExceptionHandler(previous);
            }
        }
    }

    /** The handler this one hands exceptions on to, or {@code null}. */
    Thread.UncaughtExceptionHandler previous() {
        return previous;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        try {
            if (active) {
                onUncaught.accept(thread, error);
            }
        } catch (Throwable ignored) {
            // A failed snapshot must not hide the exception from the handler after us.
        } finally {
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace(System.err);
            }
        }
    }
}
