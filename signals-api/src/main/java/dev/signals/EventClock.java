package dev.signals;

import java.time.Instant;

/**
 * The time events are stamped with, in microseconds since the epoch: the wall clock read once
 * a second, and the monotonic clock in between.
 *
 * <p>Why: a wall-clock read with sub-millisecond precision ({@code Instant.now()}) costs about
 * 44 ns on the 2-core VM the benchmarks run on, {@code System.nanoTime()} about 31 ns, and an
 * event reads the clock once. Re-anchoring every second keeps stamps within a second of any
 * change to the wall clock, and the monotonic clock keeps them in order between anchors. Where
 * the two clocks drift apart (NTP slewing, at most 0.5 ms a second), a stamp taken just after a
 * re-anchor can be that much before one taken just before it; events' sequence numbers, not
 * their stamps, give their order.
 */
final class EventClock {

    private static final long ANCHOR_NANOS = 1_000_000_000L;

    /** A wall-clock reading and the monotonic reading taken with it. Immutable, swapped whole. */
    static final class Anchor {
        final long nanos;
        final long epochMicros;

        Anchor(long nanos, long epochMicros) {
            this.nanos = nanos;
            this.epochMicros = epochMicros;
        }

        /** Whether a stamp at monotonic time {@code now} may be taken from this anchor: less than a second after it. */
        boolean covers(long now) {
            long elapsed = now - nanos;
            return elapsed >= 0 && elapsed < ANCHOR_NANOS;
        }

        /** The stamp at monotonic time {@code now}, which this anchor {@link #covers}. */
        long at(long now) {
            return epochMicros + (now - nanos) / 1_000;
        }
    }

    private static volatile Anchor anchor = newAnchor();

    private EventClock() {
    }

    static long nowMicros() {
        long nanos = System.nanoTime();
        Anchor a = anchor;
        if (!a.covers(nanos)) {
            // Threads racing here each make an anchor; any of them will do.
            a = newAnchor();
            anchor = a;
            return a.epochMicros;
        }
        return a.at(nanos);
    }

    private static Anchor newAnchor() {
        Instant now = Instant.now();
        return new Anchor(System.nanoTime(), now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
    }
}
