package dev.signals.sinks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free double form: reads back as the same double, in the same text as jackson's shortest form. */
class PlainDoublesTest {

    private final char[] buf = new char[PlainDoubles.MAX_LENGTH];

    private String format(double v) {
        int end = PlainDoubles.format(v, buf, 0);
        return end < 0 ? null : new String(buf, 0, end);
    }

    @Test
    void plainDecimals() {
        assertEquals("129.95", format(129.95));
        assertEquals("-129.95", format(-129.95));
        assertEquals("3.0", format(3.0));
        assertEquals("0.0", format(0.0));
        assertEquals("-0.0", format(-0.0));
        assertEquals("0.001", format(0.001));
        assertEquals("0.5", format(0.5));
        assertEquals("9999999.0", format(9_999_999.0));
        assertEquals("0.1", format(0.1));
    }

    @Test
    void otherFormsAreLeftToJackson() {
        assertEquals(null, format(1e7));
        assertEquals(null, format(0.000999));
        assertEquals(null, format(Double.NaN));
        assertEquals(null, format(Double.POSITIVE_INFINITY));
        assertEquals(null, format(1.0 / 3)); // 16 decimals
        assertEquals(null, format(0.1 + 0.2)); // 0.30000000000000004
    }

    @Test
    void everyPlainFormReadsBackAsTheSameDoubleAndIsJacksonsShortestForm() {
        SplittableRandom random = new SplittableRandom(20261123);
        int plain = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double v = i % 2 == 0
                    // prices, ratios, measurements: few decimals
                    ? random.nextLong(-1_000_000_000L, 1_000_000_000L) / Math.pow(10, random.nextInt(0, 10))
                    // any double in the plain range
                    : Math.copySign(Math.pow(10, random.nextDouble(-3, 7)), random.nextDouble() - 0.5);
            String text = format(v);
            if (text == null) {
                continue;
            }
            plain++;
            assertEquals(v, Double.parseDouble(text), text);
            String shortest = NumberOutput.toString(v, true);
            assertEquals(shortest, text);
        }
        assertTrue(plain > 500_000, "plain forms: " + plain);
    }
}
