package dev.signals.live;

import dev.signals.Event;
import java.util.Arrays;

/**
 * The subscribers of one live sink: at most {@code max}, each with a ring of {@code queue}
 * events. The emitting thread reads an immutable array; joining and leaving replace it.
 */
final class Subscribers {

    private static final Subscriber[] NONE = new Subscriber[0];

    private final int max;
    private final int queue;
    private volatile Subscriber[] all = NONE;
    /** Events lost by subscribers that have left. Guarded by this. */
    private long lostByDeparted;
    private boolean closed;

    Subscribers(int max, int queue) {
        this.max = max;
        this.queue = queue;
    }

    /** A new subscriber read by the calling thread, or {@code null} when {@code max} are connected or the sink closed. */
    synchronized Subscriber join(LiveFilter filter) {
        if (closed || all.length >= max) {
            return null;
        }
        Subscriber s = new Subscriber(filter, queue);
        Subscriber[] next = Arrays.copyOf(all, all.length + 1);
        next[all.length] = s;
        all = next;
        return s;
    }

    synchronized void leave(Subscriber s) {
        Subscriber[] current = all;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == s) {
                Subscriber[] next = new Subscriber[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                all = next;
                lostByDeparted += s.lost();
                return;
            }
        }
    }

    /** Hands {@code event} to every subscriber whose filter it passes. */
    void offer(Event event) {
        for (Subscriber s : all) {
            s.offer(event);
        }
    }

    /** How many are connected. */
    int count() {
        return all.length;
    }

    /** Events lost by every subscriber, past and present. */
    synchronized long lost() {
        long sum = lostByDeparted;
        for (Subscriber s : all) {
            sum += s.lost();
        }
        return sum;
    }

    int queue() {
        return queue;
    }

    int max() {
        return max;
    }

    /** Refuses new subscribers and ends every subscription. */
    synchronized void closeAll() {
        closed = true;
        for (Subscriber s : all) {
            s.close();
        }
    }
}
