package dev.signals.sinks.json;

/**
 * What a throwable says about itself, read defensively: any accessor of a user's throwable
 * may throw or return {@code null}. A part whose accessor throws (other than
 * {@linkplain Unwritable#isFatal fatally}) comes back as {@link Unwritable#text} of the failure.
 */
public final class ThrowableParts {

    private static final StackTraceElement[] NO_FRAMES = {};
    private static final Throwable[] NONE = {};

    private final StackTraceElement[] frames;
    private final String framesFailure;
    private final Throwable cause;
    private final String causeFailure;
    private final Throwable[] suppressed;
    private final String suppressedFailure;

    private ThrowableParts(Throwable t) {
        StackTraceElement[] f = NO_FRAMES;
        String failure = null;
        try {
            StackTraceElement[] read = t.getStackTrace();
            f = read == null ? NO_FRAMES : read;
        } catch (Throwable e) {
            failure = unlessFatal(e);
        }
        frames = f;
        framesFailure = failure;

        Throwable c = null;
        failure = null;
        try {
            c = t.getCause();
        } catch (Throwable e) {
            failure = unlessFatal(e);
        }
        cause = c;
        causeFailure = failure;

        Throwable[] s = NONE;
        failure = null;
        try {
            Throwable[] read = t.getSuppressed();
            s = read == null ? NONE : read;
        } catch (Throwable e) {
            failure = unlessFatal(e);
        }
        suppressed = s;
        suppressedFailure = failure;
    }

    /** Reads the stack, cause and suppressed throwables of {@code t} once. */
    public static ThrowableParts of(Throwable t) {
        return new ThrowableParts(t);
    }

    /** {@code getMessage()}: the message, {@code null}, or the text of its failure. */
    public static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) {
            return unlessFatal(e);
        }
    }

    /** The stack frames; empty when there are none or they could not be read. */
    public StackTraceElement[] frames() {
        return frames;
    }

    /** The text of the failure of {@code getStackTrace()}, or {@code null}. */
    public String framesFailure() {
        return framesFailure;
    }

    /** The cause, or {@code null} (also when it could not be read). */
    public Throwable cause() {
        return cause;
    }

    /** The text of the failure of {@code getCause()}, or {@code null}. */
    public String causeFailure() {
        return causeFailure;
    }

    /** The suppressed throwables (elements may be null); empty when none or unreadable. */
    public Throwable[] suppressed() {
        return suppressed;
    }

    /** The text of the failure of {@code getSuppressed()}, or {@code null}. */
    public String suppressedFailure() {
        return suppressedFailure;
    }

    private static String unlessFatal(Throwable e) {
        if (Unwritable.isFatal(e)) {
            throw (Error) e;
        }
        return Unwritable.text(e);
    }
}
