package dev.signals.example.orders.http;

/**
 * A service's request handling, hosted by an {@link HttpService}: the host parses the request,
 * continues the caller's trace, opens the server span and injects chaos; the endpoint does the
 * service's own work. Called on many threads at once.
 */
public interface Endpoint extends AutoCloseable {

    /** Answers one request. An exception becomes a 500 answer and an {@code HTTP_HANDLER_FAILED} signal. */
    Response handle(Request request) throws Exception;

    /** Finishes work still under way (the order service drains its notifications). Default: nothing. */
    @Override
    default void close() {
    }
}
