package dev.signals.sinks.json;

/**
 * Writes a double as a plain decimal ({@code 129.95}, {@code 0.001}, {@code 3.0}) without
 * allocating, for the common case: zero, or a magnitude from 10^-3 up to 10^7 (where Java's
 * own {@code Double.toString} writes plain decimals too) with at most 15 decimals. jackson's
 * double writer, used for everything else, builds a string per number.
 *
 * <p>The digits are the fewest decimals {@code k} for which {@code r / 10^k}, with {@code r}
 * the value scaled and rounded, divides back to exactly the same double. As {@code r} (below
 * 2^53) and {@code 10^k} are both exact doubles, that division is correctly rounded: it is the
 * double any correct JSON reader makes of the text, so every number written reads back as the
 * value given.
 */
final class PlainDoubles {

    /** The most characters {@link #format} writes: sign, 7 digits, point, 15 decimals. */
    static final int MAX_LENGTH = 24;

    private static final int MAX_DECIMALS = 15;
    private static final double SMALLEST = 1e-3;
    private static final double LIMIT = 1e7;
    private static final double EXACT_INTEGERS = 0x1p53;
    private static final double[] POWERS = new double[MAX_DECIMALS + 1];

    static {
        double p = 1;
        for (int k = 0; k <= MAX_DECIMALS; k++) {
            POWERS[k] = p; // 10^k for k <= 22 is exact in a double
            p *= 10;
        }
    }

    private PlainDoubles() {
    }

    /**
     * Writes {@code v} at {@code out[offset..]}.
     *
     * @return the end of what was written, or -1 when {@code v} is better written in another
     *     form (not finite, outside the plain range, or more than 15 decimals)
     */
    static int format(double v, char[] out, int offset) {
        double magnitude = Math.abs(v);
        if (!(magnitude < LIMIT) || (magnitude < SMALLEST && v != 0)) {
            return -1; // NaN too
        }
        for (int k = 0; k <= MAX_DECIMALS; k++) {
            double scaled = v * POWERS[k];
            if (Math.abs(scaled) >= EXACT_INTEGERS) {
                return -1;
            }
            long r = Math.round(scaled);
            if (r / POWERS[k] == v) {
                boolean negative = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
                return write(negative, Math.abs(r), k, out, offset);
            }
        }
        return -1;
    }

    /** {@code [-]digits} with a point before the last {@code decimals} of them (and ".0" when there are none). */
    private static int write(boolean negative, long digits, int decimals, char[] out, int offset) {
        int count = 1;
        for (long d = digits; d >= 10; d /= 10) {
            count++;
        }
        int integerDigits = Math.max(1, count - decimals);
        int end = offset + (negative ? 1 : 0) + integerDigits + 1 + Math.max(1, decimals);
        int q = end;
        if (decimals == 0) {
            out[--q] = '0';
        }
        long d = digits;
        for (int i = 0; i < decimals; i++) {
            out[--q] = (char) ('0' + d % 10);
            d /= 10;
        }
        out[--q] = '.';
        do {
            out[--q] = (char) ('0' + d % 10);
            d /= 10;
        } while (d != 0);
        if (negative) {
            out[--q] = '-';
        }
        return end;
    }
}
