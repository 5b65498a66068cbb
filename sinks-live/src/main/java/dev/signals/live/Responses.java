package dev.signals.live;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writing whole responses: bytes, JSON made with a generator, errors as JSON. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";
    private static final JsonFactory FACTORY = new JsonFactory();

    /** What writes a JSON body. */
    interface JsonBody {
        void write(JsonGenerator gen) throws IOException;
    }

    private Responses() {
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        headers(ex, contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void json(HttpExchange ex, int status, JsonBody body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1_024);
        try (JsonGenerator gen = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(gen);
        }
        send(ex, status, JSON, bytes.toByteArray());
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, gen -> {
            gen.writeStartObject();
            gen.writeStringField("error", message);
            gen.writeEndObject();
        });
    }

    /** Starts a 200 response of unknown length (chunked), not to be cached; the caller writes the body. */
    static OutputStream stream(HttpExchange ex, String contentType) throws IOException {
        headers(ex, contentType);
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    /** What every response says: its type, not to be cached, not to be sniffed as another type. */
    private static void headers(HttpExchange ex, String contentType) {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }
}
