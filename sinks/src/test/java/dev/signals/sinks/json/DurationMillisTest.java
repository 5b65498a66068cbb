package dev.signals.sinks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DurationMillisTest {

    private static String fast(Duration d) {
        char[] buf = new char[DurationMillis.MAX_LENGTH];
        int end = DurationMillis.format(d, buf, 0);
        return end < 0 ? null : new String(buf, 0, end);
    }

    @Test
    void examplesFromTheFormat() {
        assertEquals("1500", fast(Duration.ofMillis(1500)));
        assertEquals("0.25", fast(Duration.ofNanos(250_000)));
        assertEquals("0.000001", fast(Duration.ofNanos(1)));
        assertEquals("0", fast(Duration.ZERO));
        assertEquals("1", fast(Duration.ofMillis(1)));
        assertEquals("1000.000001", fast(Duration.ofSeconds(1, 1)));
        assertEquals("-1500", fast(Duration.ofMillis(-1500)));
        assertEquals("-0.000001", fast(Duration.ofNanos(-1)));
        assertEquals("86400000", fast(Duration.ofDays(1)));
    }

    @Test
    void veryLongDurationsTakeTheExactSlowPath() {
        Duration max = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        assertEquals(null, fast(max));
        assertEquals("9223372036854775807999.999999", DurationMillis.toPlainString(max));
        Duration min = Duration.ofSeconds(Long.MIN_VALUE);
        assertEquals("-9223372036854775808000", DurationMillis.toPlainString(min));
    }

    @Test
    void fastAndSlowPathsAgree() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            Duration d = Duration.ofSeconds(random.nextLong(-8_999_999_999L, 9_000_000_000L),
                    random.nextInt(1_000_000_000));
            String fast = fast(d);
            assertEquals(DurationMillis.toPlainString(d), fast, d::toString);
            assertEquals(0, new BigDecimal(fast).compareTo(
                    new BigDecimal(d.getSeconds()).multiply(BigDecimal.valueOf(1000))
                            .add(BigDecimal.valueOf(d.getNano(), 6))));
        }
    }
}
