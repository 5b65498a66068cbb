package dev.signals.sinks.reader;

/** A command line the reader does not accept; the message says why (exit status 2). */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
