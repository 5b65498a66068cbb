package dev.signals.example.orders.http;

/**
 * What a handler answers: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
public record Response(int status, Body body) {

    /** 200 with this body. */
    public static Response ok(Body body) {
        return new Response(200, body);
    }

    /** A failure status with {@code {"error": code, "detail": detail}}. */
    public static Response error(int status, String code, String detail) {
        return new Response(status, Body.of("error", code, "detail", detail));
    }
}
