package dev.signals.router;

import dev.signals.Signal;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sampling per signal, as zap's sampler does: in each interval the first {@code first} events
 * of a signal pass, then one in every {@code thereafter}. Keeps a small window per signal.
 */
public final class Sampler {

    private final long first;
    private final long thereafter;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    // Weak keys: a signal declared beyond Signal.NAME_LIMIT must not be kept alive by its window.
    // Read once per route table and signal, never per event, so one lock is enough.
    private final Map<Signal, Window> windows = new WeakHashMap<>();

    /**
     * @param first events that pass in each interval before sampling starts
     * @param thereafter then one event in this many passes (0: none)
     * @param intervalNanos the interval's length
     */
    public Sampler(long first, long thereafter, long intervalNanos, LongSupplier nanoTime) {
        if (first < 0 || thereafter < 0 || intervalNanos <= 0) {
            throw new IllegalArgumentException("need first >= 0, thereafter >= 0, interval > 0");
        }
        this.first = first;
        this.thereafter = thereafter;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    /** The window that decides for one signal; looked up once per route table and signal. */
    Window windowFor(Signal signal) {
        synchronized (windows) {
            return windows.computeIfAbsent(signal, s -> new Window());
        }
    }

    /** The counting state of one signal. */
    final class Window {
        private final AtomicLong count = new AtomicLong();
        private volatile long intervalStart = nanoTime.getAsLong();

        /** True when this event passes. */
        boolean allow() {
            long now = nanoTime.getAsLong();
            long start = intervalStart;
            if (now - start >= intervalNanos) {
                synchronized (this) {
                    if (intervalStart == start) {
                        intervalStart = now;
                        count.set(0);
                    }
                }
            }
            long n = count.incrementAndGet();
            if (n <= first) {
                return true;
            }
            return thereafter > 0 && (n - first) % thereafter == 0;
        }
    }
}
