package dev.signals.example.orders.http;

import java.util.Map;

/**
 * A request as a service's handler sees it.
 *
 * @param method the HTTP method, upper case
 * @param path the URL path, without the query
 * @param body the JSON body; {@link Body#EMPTY} when there is none
 * @param headers the headers that matter to the example, by lower-case name
 * @param remoteAddress the peer's IP address
 */
public record Request(String method, String path, Body body, Map<String, String> headers, String remoteAddress) {

    public Request {
        headers = Map.copyOf(headers);
    }

    /** {@code "POST /payments/authorize"}: what handlers switch on. */
    public String route() {
        return method + " " + path;
    }

    /** A header's value, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
