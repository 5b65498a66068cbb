package dev.signals.live;

/** A request the server refuses with 400 and this message. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
