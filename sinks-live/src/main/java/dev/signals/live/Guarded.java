package dev.signals.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.signals.spi.Failures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Wraps every endpoint: checks the token when one is set ({@code Authorization: Bearer} or
 * {@code ?token=}, compared in constant time), turns a {@link BadRequest} into 400 and any
 * runtime failure into 500, and always ends the exchange.
 */
final class Guarded implements HttpHandler {

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final HttpHandler inner;

    Guarded(String token, HttpHandler inner) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.inner = inner;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            if (token != null && !authorised(ex)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"signals\"");
                Responses.error(ex, 401, "a token is required: Authorization: Bearer TOKEN, or ?token=TOKEN");
                return;
            }
            inner.handle(ex);
        } catch (BadRequest e) {
            Responses.error(ex, 400, e.getMessage());
        } catch (IOException clientGone) {
            // The client hung up: nothing to tell it.
        } catch (RuntimeException t) {
            try {
                Responses.error(ex, 500, Failures.describe(t));
            } catch (IOException | RuntimeException alreadyAnswered) {
                // Headers were sent already: closing the exchange is all that is left.
            }
        } finally {
            ex.close();
        }
    }

    private boolean authorised(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return matches(header.substring(BEARER.length()).trim());
        }
        return matches(QueryString.of(ex.getRequestURI()).get("token"));
    }

    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }
}
