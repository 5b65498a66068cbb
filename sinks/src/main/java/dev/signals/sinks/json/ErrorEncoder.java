package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;

/**
 * Writes a throwable as {@code {"type", "message", "stack", "cause", "suppressed"}}, bounded:
 * at most {@value #MAX_FRAMES} frames and {@value #MAX_SUPPRESSED} suppressed throwables
 * each, causes nested at most {@value #MAX_DEPTH} deep, and every throwable written in full
 * only once per error so that a cycle in the cause chain ends. Every accessor of the throwable
 * is read defensively ({@link ThrowableParts}): one that throws leaves its failure's text in
 * its place and the rest is written. Reused; not thread-safe.
 */
final class ErrorEncoder {

    static final int MAX_FRAMES = 64;
    static final int MAX_SUPPRESSED = 32;
    static final int MAX_DEPTH = 16;

    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString STACK = new SerializedString("stack");
    private static final SerializedString FRAMES_OMITTED = new SerializedString("frames_omitted");
    private static final SerializedString CAUSE = new SerializedString("cause");
    private static final SerializedString SUPPRESSED = new SerializedString("suppressed");
    private static final SerializedString SUPPRESSED_OMITTED = new SerializedString("suppressed_omitted");
    private static final SerializedString CIRCULAR = new SerializedString("circular");

    private final Cuts cuts;
    // Throwables already written in this error, compared by identity (equals may be overridden).
    private Throwable[] seen = new Throwable[8];
    private int seenCount;

    ErrorEncoder(Cuts cuts) {
        this.cuts = cuts;
    }

    /** Writes one error value. */
    void write(JsonGenerator g, Throwable t) throws IOException {
        try {
            writeThrowable(g, t, 1);
        } finally {
            reset();
        }
    }

    /** Forgets the throwables of the last error (also after a failure cut it short). */
    void reset() {
        Arrays.fill(seen, 0, seenCount, null); // hold no reference to the event's throwables
        seenCount = 0;
    }

    private void writeThrowable(JsonGenerator g, Throwable t, int depth) throws IOException {
        g.writeStartObject();
        g.writeFieldName(TYPE);
        JsonScalars.string(g, cuts.string(t.getClass().getName()));
        g.writeFieldName(MESSAGE);
        JsonScalars.string(g, cuts.string(ThrowableParts.message(t)));
        if (isSeen(t)) {
            g.writeFieldName(CIRCULAR);
            g.writeBoolean(true);
            g.writeEndObject();
            return;
        }
        remember(t);
        ThrowableParts parts = ThrowableParts.of(t);

        StackTraceElement[] frames = parts.frames();
        int shown = Math.min(frames.length, MAX_FRAMES);
        g.writeFieldName(STACK);
        g.writeStartArray();
        if (parts.framesFailure() != null) {
            g.writeString(parts.framesFailure());
        }
        for (int i = 0; i < shown; i++) {
            JsonScalars.string(g, cuts.string(String.valueOf(frames[i])));
        }
        g.writeEndArray();
        if (frames.length > shown) {
            g.writeFieldName(FRAMES_OMITTED);
            g.writeNumber(frames.length - shown);
        }

        if (parts.causeFailure() != null) {
            g.writeFieldName(CAUSE);
            g.writeString(parts.causeFailure());
        } else if (parts.cause() != null) {
            g.writeFieldName(CAUSE);
            writeNested(g, parts.cause(), depth);
        }

        Throwable[] suppressed = parts.suppressed();
        if (suppressed.length > 0 || parts.suppressedFailure() != null) {
            int shownSuppressed = Math.min(suppressed.length, MAX_SUPPRESSED);
            g.writeFieldName(SUPPRESSED);
            g.writeStartArray();
            if (parts.suppressedFailure() != null) {
                g.writeString(parts.suppressedFailure());
            }
            for (int i = 0; i < shownSuppressed; i++) {
                writeNested(g, suppressed[i], depth);
            }
            g.writeEndArray();
            if (suppressed.length > shownSuppressed) {
                g.writeFieldName(SUPPRESSED_OMITTED);
                g.writeNumber(suppressed.length - shownSuppressed);
            }
        }
        g.writeEndObject();
    }

    private void writeNested(JsonGenerator g, Throwable t, int depth) throws IOException {
        if (t == null) {
            g.writeNull();
        } else if (depth >= MAX_DEPTH) {
            cuts.mark();
            g.writeString(Limits.MARK);
        } else {
            writeThrowable(g, t, depth + 1);
        }
    }

    private boolean isSeen(Throwable t) {
        for (int i = 0; i < seenCount; i++) {
            if (seen[i] == t) {
                return true;
            }
        }
        return false;
    }

    private void remember(Throwable t) {
        if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, seenCount * 2);
        }
        seen[seenCount++] = t;
    }
}
