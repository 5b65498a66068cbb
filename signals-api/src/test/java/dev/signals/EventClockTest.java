package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Event stamps: the wall clock read once a second (an anchor), the monotonic clock in between.
 * Tested on anchors made from chosen readings, so that no assertion depends on this machine's
 * clocks agreeing with each other.
 */
class EventClockTest {

    private static final long SECOND = 1_000_000_000L;
    /** 2026-12-06T00:00:00Z in microseconds. */
    private static final long WALL = 1_796_515_200_000_000L;

    @Test
    void aStampIsTheAnchorsWallClockPlusTheMonotonicTimeSinceIt() {
        EventClock.Anchor anchor = new EventClock.Anchor(5 * SECOND, WALL);
        assertEquals(WALL, anchor.at(5 * SECOND));
        assertEquals(WALL + 1, anchor.at(5 * SECOND + 1_999), "whole microseconds, cut, never rounded up");
        assertEquals(WALL + 999_999, anchor.at(6 * SECOND - 1));
    }

    @Test
    void anAnchorCoversOneSecondAfterItAndNothingBefore() {
        EventClock.Anchor anchor = new EventClock.Anchor(5 * SECOND, WALL);
        assertTrue(anchor.covers(5 * SECOND));
        assertTrue(anchor.covers(6 * SECOND - 1));
        assertFalse(anchor.covers(6 * SECOND), "a second on, the wall clock is read again");
        assertFalse(anchor.covers(5 * SECOND - 1), "a monotonic reading before the anchor (another thread's, raced)");
        assertFalse(anchor.covers(Long.MIN_VALUE + 5 * SECOND), "no overflow makes a far reading look near");
    }

    @Test
    void stampsFromOneAnchorNeverGoBack() {
        EventClock.Anchor anchor = new EventClock.Anchor(-SECOND / 2, WALL); // monotonic time may be negative
        long last = Long.MIN_VALUE;
        for (long now = -SECOND / 2; anchor.covers(now); now += 999_983) {
            long stamp = anchor.at(now);
            assertTrue(stamp >= last, stamp + " after " + last);
            last = stamp;
        }
        assertEquals(WALL + 999_999, anchor.at(SECOND / 2 - 1));
    }

    @Test
    void theClockStampsNowWithMicrosecondResolution() {
        long stamp = EventClock.nowMicros();
        assertTrue(stamp > 1_577_836_800_000_000L, "after 2020 in microseconds, not millis: " + stamp);
        assertTrue(stamp < WALL * 2, "not nanoseconds: " + stamp);
    }
}
