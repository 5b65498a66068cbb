package dev.signals.sinks.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * A duration as a plain decimal number of milliseconds, exact to the nanosecond, never with
 * an exponent: 1.5 s is {@code 1500}, 250 µs is {@code 0.25}, 1 ns is {@code 0.000001},
 * -1.5 s is {@code -1500}.
 */
final class DurationMillis {

    /** Room for any duration that fits in a long of nanoseconds. */
    static final int MAX_LENGTH = 32;

    // Below this many seconds (about 285 years) the total fits a long of nanoseconds.
    private static final long FAST_LIMIT_SECONDS = 9_000_000_000L;

    private DurationMillis() {
    }

    /**
     * Writes {@code d} into {@code out} from {@code off} and returns the end offset, or
     * returns -1 when the duration is too long for this allocation-free path (see
     * {@link #toPlainString}).
     */
    static int format(Duration d, char[] out, int off) {
        long seconds = d.getSeconds();
        if (seconds <= -FAST_LIMIT_SECONDS || seconds >= FAST_LIMIT_SECONDS) {
            return -1;
        }
        long total = seconds * 1_000_000_000L + d.getNano();
        int p = off;
        if (total < 0) {
            out[p++] = '-';
            total = -total;
        }
        long millis = total / 1_000_000L;
        int fraction = (int) (total % 1_000_000L);
        p = digits(millis, out, p);
        if (fraction != 0) {
            out[p++] = '.';
            int width = 6;
            while (fraction % 10 == 0) { // strip trailing zeros
                fraction /= 10;
                width--;
            }
            for (int i = p + width - 1; i >= p; i--) {
                out[i] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            p += width;
        }
        return p;
    }

    /** The same number for any duration, through {@link BigDecimal}. */
    static String toPlainString(Duration d) {
        BigInteger nanos = BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(d.getNano()));
        BigDecimal millis = new BigDecimal(nanos, 6);
        return millis.signum() == 0 ? "0" : millis.stripTrailingZeros().toPlainString();
    }

    private static int digits(long value, char[] out, int off) {
        int width = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            width++;
        }
        for (int i = off + width - 1; i >= off; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return off + width;
    }
}
