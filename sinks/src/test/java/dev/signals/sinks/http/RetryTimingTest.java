package dev.signals.sinks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Backoff steps, Retry-After forms, what is retried, and how endpoints appear in messages. */
class RetryTimingTest {

    @Test
    void backoffDoublesUpToItsCapWithJitterInTheUpperHalf() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000));
        for (int round = 0; round < 200; round++) {
            long first = b.delayMillis(1);
            assertTrue(first >= 50 && first <= 100, "attempt 1: " + first);
            long third = b.delayMillis(3);
            assertTrue(third >= 200 && third <= 400, "attempt 3: " + third);
            long late = b.delayMillis(40);
            assertTrue(late >= 500 && late <= 1_000, "capped: " + late);
        }
        assertEquals(0, new Backoff(Duration.ZERO, Duration.ZERO).delayMillis(5));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", now));
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", now));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Mon, 23 Nov 2026 10:00:30 GMT", now));
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", now));
        assertNull(RetryAfter.parse(null, now));
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse("-3", now));
    }

    @Test
    void only429And5xxAreRetried() {
        assertTrue(BatchSender.retryable(429));
        assertTrue(BatchSender.retryable(500));
        assertTrue(BatchSender.retryable(503));
        assertFalse(BatchSender.retryable(400));
        assertFalse(BatchSender.retryable(401));
        assertFalse(BatchSender.retryable(404));
        assertFalse(BatchSender.retryable(301));
    }

    @Test
    void messagesShowTheEndpointWithoutUserInfoOrQuery() {
        assertEquals("https://logs.example.com:8443/v1/ingest",
                BatchSender.describe(URI.create("https://user:pw@logs.example.com:8443/v1/ingest?api_key=k#x")));
        assertEquals("http://127.0.0.1/", BatchSender.describe(URI.create("http://127.0.0.1")));
    }
}
