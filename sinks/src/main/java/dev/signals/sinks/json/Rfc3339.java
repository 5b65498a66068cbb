package dev.signals.sinks.json;

import java.time.Instant;

/**
 * RFC 3339 timestamps in UTC with exactly six fractional digits, such as
 * {@code 2026-11-23T03:21:41.123456Z}, formatted by hand into a caller's {@code char[]}
 * so that the hot path allocates nothing.
 *
 * <p>Years 0000 to 9999 are written with four digits as RFC 3339 requires. Years outside that
 * range (only reachable through extreme instants) follow ISO 8601's expanded form as
 * {@link java.time.format.DateTimeFormatter#ISO_INSTANT} does: {@code +10000-01-01T…},
 * {@code -0001-12-31T…}.
 */
public final class Rfc3339 {

    /** Room enough for any instant {@link Instant} can hold. */
    public static final int MAX_LENGTH = 40;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private Rfc3339() {
    }

    /** Formats a time given in microseconds since the epoch; returns the end offset. */
    public static int formatMicros(long epochMicros, char[] out, int off) {
        return format(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                (int) Math.floorMod(epochMicros, MICROS_PER_SECOND), out, off);
    }

    /**
     * Formats {@code epochSecond} plus {@code microOfSecond} (0 to 999 999) into {@code out}
     * from {@code off}, which needs {@link #MAX_LENGTH} free characters; returns the end offset.
     */
    public static int format(long epochSecond, int microOfSecond, char[] out, int off) {
        return formatFraction(microOfSecond, out, formatSecond(epochSecond, out, off));
    }

    /**
     * Writes {@code yyyy-MM-ddTHH:mm:ss} for {@code epochSecond}; returns the end offset. The
     * part that changes only once a second, so callers can cache it.
     */
    static int formatSecond(long epochSecond, char[] out, int off) {
        long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);

        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian).
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;                                   // [0, 146096]
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              // [0, 365]
        long mp = (5 * doy + 2) / 153;                                    // [0, 11]
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);

        int p = off;
        if (year >= 0 && year <= 9_999) {
            p = digits((int) year, 4, out, p);
        } else {
            out[p++] = year < 0 ? '-' : '+';
            p = longDigits(Math.abs(year), 4, out, p);
        }
        out[p++] = '-';
        p = digits(month, 2, out, p);
        out[p++] = '-';
        p = digits(day, 2, out, p);
        out[p++] = 'T';
        p = digits(secondOfDay / 3_600, 2, out, p);
        out[p++] = ':';
        p = digits(secondOfDay / 60 % 60, 2, out, p);
        out[p++] = ':';
        p = digits(secondOfDay % 60, 2, out, p);
        return p;
    }

    /** Writes {@code .ffffffZ} for {@code microOfSecond}; returns the end offset. */
    static int formatFraction(int microOfSecond, char[] out, int off) {
        out[off] = '.';
        int p = digits(microOfSecond, 6, out, off + 1);
        out[p++] = 'Z';
        return p;
    }

    /** A new string for a time in microseconds since the epoch. */
    public static String formatMicros(long epochMicros) {
        char[] buf = new char[MAX_LENGTH];
        return new String(buf, 0, formatMicros(epochMicros, buf, 0));
    }

    /** A new string for an instant, truncated (toward the past) to the microsecond. */
    public static String format(Instant instant) {
        char[] buf = new char[MAX_LENGTH];
        return new String(buf, 0, format(instant.getEpochSecond(), instant.getNano() / 1_000, buf, 0));
    }

    private static int digits(int value, int width, char[] out, int off) {
        for (int i = off + width - 1; i >= off; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return off + width;
    }

    private static int longDigits(long value, int minWidth, char[] out, int off) {
        int width = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            width++;
        }
        width = Math.max(width, minWidth);
        for (int i = off + width - 1; i >= off; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return off + width;
    }
}
