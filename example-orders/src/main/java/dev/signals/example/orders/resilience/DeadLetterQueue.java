package dev.signals.example.orders.resilience;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where work that kept failing is parked for a person or a later redrive, bounded: beyond
 * {@code capacity} entries the oldest are evicted, and counted. Thread-safe.
 *
 * @param <T> what is parked
 */
public final class DeadLetterQueue<T> {

    private final int capacity;
    private final Deque<T> entries = new ArrayDeque<>();
    private long added;
    private long evicted;

    public DeadLetterQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Parks {@code entry}. */
    public synchronized void add(T entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            evicted++;
        }
        entries.addLast(entry);
        added++;
    }

    /** The entries parked now, oldest first. */
    public synchronized List<T> entries() {
        return new ArrayList<>(entries);
    }

    /** How many entries were ever parked. */
    public synchronized long added() {
        return added;
    }

    /** How many entries were evicted to make room. */
    public synchronized long evicted() {
        return evicted;
    }
}
