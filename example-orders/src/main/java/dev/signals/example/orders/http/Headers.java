package dev.signals.example.orders.http;

/**
 * The HTTP headers the services exchange, by their lower-case names; the W3C trace headers are
 * read and written by {@code Signals.continueTraceFrom} and {@code Span.writeHeaders}.
 */
public final class Headers {

    /** The caller's deadline, epoch milliseconds: a request that arrives later is not processed. */
    public static final String DEADLINE = "x-deadline-ms";
    /** Identifies one attempt of one call ({@code order:call:attempt}); chaos draws its dice from it. */
    public static final String REQUEST_KEY = "x-request-key";
    /** The end client's address, as a proxy in front of the order service would pass it on. */
    public static final String CLIENT_IP = "x-forwarded-for";

    private Headers() {
    }
}
