package dev.signals.sinks.timetravel;

import dev.signals.Event;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A copy of a {@link TimeTravelSink}'s contents at one moment: the events of its last
 * {@code capacity} claims, and the figures that say how complete the copy is.
 *
 * <p>Claims are numbered from 0 in the order events reached the buffer. The window covers
 * claims {@code [firstClaim, endClaim)}; the events come back sorted by
 * {@link Event#sequence()}, the process-wide emission order, without duplicates.
 *
 * <p>Made on the thread that asked for the copy, read on another: the sort happens on first
 * read, under this object's lock. The copy is independent of the buffer, which keeps its events.
 */
public final class Window {

    private static final Comparator<Event> BY_SEQUENCE = Comparator.comparingLong(Event::sequence);

    private final int capacity;
    private final long firstClaim;
    private final long endClaim;
    private final int copied;
    private final long after;
    private Event[] events;
    private int count;
    private boolean sorted;

    /** @param after claims in the window holding events emitted after its trigger, left out */
    Window(Event[] events, int count, int capacity, long firstClaim, long endClaim, long after) {
        this.after = after;
        this.events = events;
        this.count = count;
        this.copied = count;
        this.capacity = capacity;
        this.firstClaim = firstClaim;
        this.endClaim = endClaim;
    }

    /** An empty window, for a buffer that has never been given an event. */
    public static Window empty(int capacity) {
        return new Window(new Event[0], 0, capacity, 0, 0, 0);
    }

    /**
     * The window with {@code event} added if it is not in it yet (same sequence), so that a
     * snapshot always holds the event that triggered it, even when the buffer got it after the
     * copy or never did. Returns this window, changed; call it before handing the window on.
     */
    public synchronized Window including(Event event) {
        if (event == null) {
            return this;
        }
        for (int i = count - 1; i >= 0; i--) { // a trigger is usually among the newest
            if (events[i] == event || events[i].sequence() == event.sequence()) {
                return this;
            }
        }
        if (count == events.length) {
            events = Arrays.copyOf(events, count + 1);
        }
        events[count++] = event;
        sorted = false;
        return this;
    }

    /** The events, sorted by sequence, without duplicates; a read-only view. */
    public synchronized List<Event> events() {
        if (!sorted) {
            Arrays.sort(events, 0, count, BY_SEQUENCE);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (kept == 0 || events[kept - 1].sequence() != events[i].sequence()) {
                    events[kept++] = events[i];
                }
            }
            Arrays.fill(events, kept, count, null);
            count = kept;
            sorted = true;
        }
        return Arrays.asList(events).subList(0, count);
    }

    /** How many events the window holds. */
    public synchronized int size() {
        return events().size();
    }

    /** The capacity of the buffer the window was copied from. */
    public int capacity() {
        return capacity;
    }

    /**
     * Events the buffer had received before the window and no longer held when it was copied
     * (overwritten by newer ones): the number of the window's first claim. 0 means the window
     * starts with the first event the buffer ever received.
     */
    public long lostBeforeWindow() {
        return firstClaim;
    }

    /** How many events the buffer had received, in all, when the window was copied. */
    public long received() {
        return endClaim;
    }

    /**
     * Claims inside the window whose event was not copied: still being written by their thread,
     * overwritten while the copy ran, or (rarely) lost because a thread was preempted between
     * claiming a slot and filling it for a whole turn of the ring, and then filled it with its
     * older event. Usually 0; counted, never silent. Events left out because they were emitted
     * after the window's trigger are not missed.
     */
    public long missed() {
        return (endClaim - firstClaim) - copied - after;
    }

    @Override
    public String toString() {
        return "Window[claims " + firstClaim + ".." + endClaim + ", copied=" + copied + ", capacity=" + capacity + "]";
    }
}
