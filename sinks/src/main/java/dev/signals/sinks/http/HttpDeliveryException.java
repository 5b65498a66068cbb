package dev.signals.sinks.http;

import java.io.IOException;

/**
 * Why a batch could not be posted: the attempts ran out, or the server refused it in a way that
 * retrying cannot fix (a 4xx other than 429). It is the cause of the
 * {@link dev.signals.router.spi.BatchFailedException} that names the batch's events to the
 * router. Its message names the endpoint without user info or query, the last status or error,
 * and how many events were not delivered; it never holds a header value.
 */
public final class HttpDeliveryException extends IOException {

    private final int events;
    private final int status;
    private final int attempts;

    HttpDeliveryException(String message, int events, int status, int attempts, Throwable cause) {
        super(message, cause);
        this.events = events;
        this.status = status;
        this.attempts = attempts;
    }

    /** Events in the batch that was not delivered. */
    public int events() {
        return events;
    }

    /** The last HTTP status, or 0 when the last attempt got no response (connection error, timeout). */
    public int status() {
        return status;
    }

    /** Requests made for the batch. */
    public int attempts() {
        return attempts;
    }
}
