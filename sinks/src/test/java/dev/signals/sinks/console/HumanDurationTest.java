package dev.signals.sinks.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @Test
    void eachUnit() {
        assertEquals("0s", HumanDuration.format(Duration.ZERO));
        assertEquals("1ns", HumanDuration.format(Duration.ofNanos(1)));
        assertEquals("999ns", HumanDuration.format(Duration.ofNanos(999)));
        assertEquals("12µs", HumanDuration.format(Duration.ofNanos(12_000)));
        assertEquals("12.5µs", HumanDuration.format(Duration.ofNanos(12_500)));
        assertEquals("12.001µs", HumanDuration.format(Duration.ofNanos(12_001)));
        assertEquals("250ms", HumanDuration.format(Duration.ofMillis(250)));
        assertEquals("1.000001ms", HumanDuration.format(Duration.ofNanos(1_000_001)));
        assertEquals("1s", HumanDuration.format(Duration.ofSeconds(1)));
        assertEquals("1.5s", HumanDuration.format(Duration.ofMillis(1500)));
        assertEquals("1.000000001s", HumanDuration.format(Duration.ofSeconds(1, 1)));
        assertEquals("2m30s", HumanDuration.format(Duration.ofSeconds(150)));
        assertEquals("1h0m5s", HumanDuration.format(Duration.ofSeconds(3605)));
        assertEquals("26h3m4.5s", HumanDuration.format(Duration.ofHours(26).plusMinutes(3).plusMillis(4500)));
    }

    @Test
    void negativeAndExtreme() {
        assertEquals("-1.5s", HumanDuration.format(Duration.ofMillis(-1500)));
        assertEquals("-1ns", HumanDuration.format(Duration.ofNanos(-1)));
        assertEquals("2562047788015215h30m7.999999999s",
                HumanDuration.format(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        assertEquals(Duration.ofSeconds(Long.MIN_VALUE).toString(),
                HumanDuration.format(Duration.ofSeconds(Long.MIN_VALUE)));
    }
}
