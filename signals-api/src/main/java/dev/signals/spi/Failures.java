package dev.signals.spi;

/**
 * Describes a failure for a stderr line or a report without ever failing itself.
 *
 * <p>A user's exception may throw from {@code getMessage()} or {@code toString()}, or recurse
 * until the stack overflows; building {@code "failed: " + cause} from such an exception would
 * turn one failure into a second one inside the code that handles the first. Every place that
 * describes a throwable it did not make goes through {@link #describe}.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * {@code "ClassName: message"}, {@code "ClassName"} when there is no message, or the class
     * name with a placeholder when the message cannot be read. Never throws.
     */
    public static String describe(Throwable t) {
        if (t == null) {
            return "null";
        }
        String type = t.getClass().getName();
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable unreadable) {
            return type + " (message unavailable: its getMessage() threw " + unreadable.getClass().getName() + ")";
        }
        return message == null ? type : type + ": " + message;
    }
}
