package dev.signals;

import java.io.PrintStream;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry that makes one signal per name. The first {@code limit} names are kept for good,
 * each with a dense id that routers index their caches with. Names beyond the limit (names built
 * from data, most likely) are kept only while something references their signal: the same name
 * still gives the same object for as long as anyone can compare it, but a name no one references
 * any more is forgotten, so memory follows the names in use rather than every name ever made.
 * Such signals carry {@link Signal#UNCACHED_ID}. The first name beyond the limit is announced
 * once on stderr.
 */
final class SignalNames {

    private final int limit;
    private final PrintStream err;
    private final ConcurrentHashMap<String, Signal> kept = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final ConcurrentHashMap<String, NameRef> beyond = new ConcurrentHashMap<>();
    private final ReferenceQueue<Signal> forgotten = new ReferenceQueue<>();
    private final AtomicLong declaredBeyond = new AtomicLong();
    private final AtomicBoolean announced = new AtomicBoolean();

    SignalNames(int limit, PrintStream err) {
        this.limit = limit;
        this.err = err;
    }

    /** The signal with this (valid) name if it exists, else {@code null}. */
    Signal find(String name) {
        Signal s = kept.get(name);
        if (s != null) {
            return s;
        }
        NameRef ref = beyond.get(name);
        return ref == null ? null : ref.get();
    }

    /** The signal with this (valid) name, made with {@code severity} when it does not exist. */
    Signal declare(String name, Severity severity) {
        Signal s = find(name);
        if (s != null) {
            return s;
        }
        // computeIfAbsent claims an id only when it makes the signal, so ids stay dense; once
        // they run out it makes nothing, and the name is declared beyond the limit.
        s = kept.computeIfAbsent(name, n -> {
            int id = claimId();
            return id < 0 ? null : new Signal(n, severity, id);
        });
        return s != null ? s : declareBeyond(name, severity);
    }

    /** How many signals were made beyond the limit; a name forgotten and declared again counts again. */
    long declaredBeyond() {
        return declaredBeyond.get();
    }

    private int claimId() {
        for (;;) {
            int id = nextId.get();
            if (id >= limit) {
                return -1;
            }
            if (nextId.compareAndSet(id, id + 1)) {
                return id;
            }
        }
    }

    private Signal declareBeyond(String name, Severity severity) {
        removeForgotten();
        for (;;) {
            NameRef found = beyond.get(name);
            Signal s = found == null ? null : found.get();
            if (s != null) {
                return s;
            }
            // Returned (so strongly held) before anyone else can see it through the map.
            Signal created = new Signal(name, severity, Signal.UNCACHED_ID);
            NameRef ref = new NameRef(created, forgotten);
            boolean stored = found == null ? beyond.putIfAbsent(name, ref) == null : beyond.replace(name, found, ref);
            if (stored) {
                declaredBeyond.incrementAndGet();
                announce();
                return created;
            }
        }
    }

    /**
     * Drops the entries of collected signals. Run on every declaration beyond the limit, so the
     * map holds at most the names collected since the last one: O(1) amortised, no thread.
     */
    private void removeForgotten() {
        for (Reference<? extends Signal> r = forgotten.poll(); r != null; r = forgotten.poll()) {
            NameRef ref = (NameRef) r;
            beyond.remove(ref.name, ref);
        }
    }

    private void announce() {
        if (announced.compareAndSet(false, true)) {
            err.println("Signals: more than " + limit + " signal names declared; further names are kept only"
                    + " while referenced and are routed without a per-name cache. Names built from data"
                    + " (ids, paths, user input) belong in fields: see docs/concepts.md#signals");
        }
    }

    /** A weakly held signal beyond the limit, with its name to remove its entry once collected. */
    private static final class NameRef extends WeakReference<Signal> {
        final String name;

        NameRef(Signal signal, ReferenceQueue<Signal> queue) {
            super(signal, queue);
            this.name = signal.name();
        }
    }
}
