package dev.signals.router;

import dev.signals.Signal;
import java.lang.ref.WeakReference;

/**
 * Where recently used signals without a dense id ({@link Signal#UNCACHED_ID}, declared beyond
 * {@link Signal#NAME_LIMIT}) go under one route table. A fixed number of slots, each chosen by
 * the name's hash, so memory does not grow with names; two signals that share a slot take turns,
 * which costs a recomputation, never a wrong answer. Slots hold their signal weakly, so the cache
 * never keeps a forgotten name alive. A racing reader sees a whole entry or an older one (final
 * fields), and an entry it cannot match is a miss.
 */
final class WeakTargetsCache {

    static final int SLOTS = 4096;

    private final Entry[] slots = new Entry[SLOTS];

    /** The targets cached for {@code signal}, or {@code null}. */
    Targets get(Signal signal) {
        Entry e = slots[slot(signal)];
        return e != null && e.refersTo(signal) ? e.targets : null;
    }

    void put(Signal signal, Targets targets) {
        slots[slot(signal)] = new Entry(signal, targets);
    }

    private static int slot(Signal signal) {
        int h = signal.name().hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    private static final class Entry extends WeakReference<Signal> {
        final Targets targets;

        Entry(Signal signal, Targets targets) {
            super(signal);
            this.targets = targets;
        }
    }
}
