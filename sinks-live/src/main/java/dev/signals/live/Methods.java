package dev.signals.live;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Refusing methods an endpoint does not serve. */
final class Methods {

    private Methods() {
    }

    /**
     * True when the request's method is {@code allowed}; otherwise answers 405 and returns false.
     */
    static boolean allow(HttpExchange ex, String allowed) throws IOException {
        if (allowed.equals(ex.getRequestMethod())) {
            return true;
        }
        ex.getResponseHeaders().set("Allow", allowed);
        Responses.error(ex, 405, ex.getRequestMethod() + " is not served here; use " + allowed);
        return false;
    }
}
