package dev.signals.sinks.console;

import java.time.Duration;

/**
 * Durations for people, in the style of Go's {@code time.Duration}: {@code 3ns},
 * {@code 12µs}, {@code 12.5µs}, {@code 250ms}, {@code 1.5s}, {@code 2m30s}, {@code 1h0m5s},
 * {@code -1.5s}, {@code 0s}. Exact: no digit is rounded away.
 */
final class HumanDuration {

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private HumanDuration() {
    }

    static String format(Duration d) {
        StringBuilder sb = new StringBuilder(16);
        append(sb, d);
        return sb.toString();
    }

    static void append(StringBuilder sb, Duration d) {
        if (d.isZero()) {
            sb.append("0s");
            return;
        }
        if (d.isNegative()) {
            if (d.getSeconds() == Long.MIN_VALUE) {
                sb.append(d); // cannot be negated; ISO-8601 text is exact too
                return;
            }
            sb.append('-');
            d = d.negated();
        }
        long seconds = d.getSeconds();
        int nanos = d.getNano();
        if (seconds == 0) {
            if (nanos < NANOS_PER_MICRO) {
                sb.append(nanos).append("ns");
            } else if (nanos < NANOS_PER_MILLI) {
                fraction(sb, nanos, NANOS_PER_MICRO).append("µs");
            } else {
                fraction(sb, nanos, NANOS_PER_MILLI).append("ms");
            }
            return;
        }
        long hours = seconds / 3_600;
        long minutes = seconds / 60 % 60;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        sb.append(seconds % 60);
        if (nanos != 0) {
            decimals(sb, nanos, 9);
        }
        sb.append('s');
    }

    /** {@code value / unit} with the remainder as decimals, trailing zeros dropped. */
    private static StringBuilder fraction(StringBuilder sb, long value, long unit) {
        sb.append(value / unit);
        long rest = value % unit;
        if (rest != 0) {
            decimals(sb, rest, Long.toString(unit).length() - 1);
        }
        return sb;
    }

    /** {@code .digits} of {@code rest} padded to {@code width}, trailing zeros dropped. */
    private static void decimals(StringBuilder sb, long rest, int width) {
        while (rest % 10 == 0) {
            rest /= 10;
            width--;
        }
        sb.append('.');
        String digits = Long.toString(rest);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(digits);
    }
}
