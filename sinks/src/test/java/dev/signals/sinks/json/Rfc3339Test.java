package dev.signals.sinks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void epochZero() {
        assertEquals("1970-01-01T00:00:00.000000Z", Rfc3339.formatMicros(0));
    }

    @Test
    void negativeTimesCountBackFromTheEpoch() {
        assertEquals("1969-12-31T23:59:59.999999Z", Rfc3339.formatMicros(-1));
        assertEquals("1969-12-31T23:59:59.000000Z", Rfc3339.formatMicros(-1_000_000));
        assertEquals("1969-12-31T23:59:58.999999Z", Rfc3339.formatMicros(-1_000_001));
    }

    @Test
    void aKnownInstant() {
        assertEquals("2026-11-23T03:21:41.123456Z", Rfc3339.formatMicros(1_795_404_101_123_456L));
        assertEquals("2000-02-29T23:59:59.999999Z",
                Rfc3339.format(Instant.parse("2000-02-29T23:59:59.999999999Z")), "truncated, not rounded");
    }

    @Test
    void agreesWithJavaTimeOverYearsZeroTo9999() {
        SplittableRandom random = new SplittableRandom(42);
        long min = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        long max = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 999_999;
        for (int i = 0; i < 200_000; i++) {
            long micros = random.nextLong(min, max + 1);
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            assertEquals(REFERENCE.format(instant), Rfc3339.formatMicros(micros), () -> "micros " + micros);
        }
    }

    @Test
    void everyDayBoundaryAroundLeapYearsAndCenturies() {
        for (int year : new int[] {1600, 1900, 1970, 2000, 2024, 2100}) {
            long start = LocalDateTime.of(year, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
            for (long day = 0; day < 367; day++) {
                long second = start + day * 86_400 - 1;
                Instant instant = Instant.ofEpochSecond(second, 999_999_000);
                assertEquals(REFERENCE.format(instant), Rfc3339.format(instant));
            }
        }
    }

    @Test
    void yearsOutsideFourDigitsUseTheExpandedForm() {
        assertEquals("+10000-01-01T00:00:00.000000Z", Rfc3339.format(Instant.parse("+10000-01-01T00:00:00Z")));
        assertEquals("-0001-12-31T23:59:59.000000Z", Rfc3339.format(Instant.parse("-0001-12-31T23:59:59Z")));
        assertEquals("+1000000000-12-31T23:59:59.999999Z", Rfc3339.format(Instant.MAX));
        assertEquals("-1000000000-01-01T00:00:00.000000Z", Rfc3339.format(Instant.MIN));
        assertEquals("-290308-12-21T19:59:05.224192Z", Rfc3339.formatMicros(Long.MIN_VALUE));
        assertEquals("+294247-01-10T04:00:54.775807Z", Rfc3339.formatMicros(Long.MAX_VALUE));
    }
}
