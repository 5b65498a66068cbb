package dev.signals.sinks.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: a number of seconds, or an HTTP date (RFC 9110, 10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The wait the server asks for, or {@code null} when the header is absent or unreadable
     * (the ordinary backoff then applies). A date in the past asks for no wait.
     */
    static Duration parse(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!v.isEmpty() && v.length() <= 12 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
