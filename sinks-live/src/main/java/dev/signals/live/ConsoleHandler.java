package dev.signals.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code GET /}: the web console, three files served from the jar (no CDN, no build step).
 * Any other path under {@code /} that no endpoint serves is 404.
 */
final class ConsoleHandler implements HttpHandler {

    private static final String ROOT = "/dev/signals/live/console/";
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/console/console.js", new String[] {"console.js", "text/javascript; charset=utf-8"},
            "/console/console.css", new String[] {"console.css", "text/css; charset=utf-8"});

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!Methods.allow(ex, "GET")) {
            return;
        }
        String[] file = FILES.get(ex.getRequestURI().getPath());
        if (file == null) {
            Responses.error(ex, 404, "not found");
            return;
        }
        byte[] body;
        try (InputStream in = ConsoleHandler.class.getResourceAsStream(ROOT + file[0])) {
            if (in == null) {
                throw new IllegalStateException("the console's " + file[0] + " is missing from the jar");
            }
            body = in.readAllBytes();
        }
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'");
        Responses.send(ex, 200, file[1], body);
    }
}
