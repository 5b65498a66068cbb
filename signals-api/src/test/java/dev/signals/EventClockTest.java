package dev.signals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Event stamps follow the wall clock, though it is read only once a second. */
class EventClockTest {

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    @Test
    void stampsLieBetweenWallClockReadingsTakenAroundThem() {
        // 1 ms of slack: the two clocks may drift apart by at most 0.5 ms within a second.
        for (int i = 0; i < 100_000; i++) {
            long before = micros(Instant.now());
            long stamp = EventClock.nowMicros();
            long after = micros(Instant.now());
            assertTrue(stamp >= before - 1_000 && stamp <= after + 1_000,
                    "stamp " + stamp + " outside [" + before + ", " + after + "]");
        }
    }

    @Test
    void stampsOnOneThreadGoBackByNoMoreThanTheClocksMayDrift() {
        long last = EventClock.nowMicros();
        for (int i = 0; i < 100_000; i++) {
            long now = EventClock.nowMicros();
            assertTrue(now >= last - 1_000, now + " after " + last);
            last = now;
        }
    }
}
