package dev.signals.sinks.console;

import dev.signals.sinks.json.ThrowableParts;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Errors for the pretty console: a one-line summary for the event line
 * ({@code IllegalStateException: declined}) and the stack trace for the lines under it, every
 * one indented so that only an event starts at the left margin. Laid out like
 * {@link Throwable#printStackTrace()} (causes, suppressed, "... n more"), with messages escaped
 * so they cannot add lines, at most {@value #MAX_FRAMES} frames per throwable, and cycles cut.
 * Every accessor of the throwable is read defensively ({@link ThrowableParts}): one that
 * throws is shown as {@code <unwritable: FailureClass>} and the rest is written.
 */
final class StackText {

    static final int MAX_FRAMES = 64;
    private static final int MAX_DEPTH = 16;
    private static final String INDENT = "    ";

    private StackText() {
    }

    /** {@code SimpleName: message}, or the simple name alone when there is no message. */
    static void appendSummary(StringBuilder sb, Throwable t) {
        String name = t.getClass().getSimpleName();
        sb.append(name.isEmpty() ? t.getClass().getName() : name);
        appendMessage(sb, t);
    }

    /** The stack trace, each line indented and ended with a newline. */
    static void append(StringBuilder sb, Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        append(sb, t, null, "", INDENT, seen, 0);
    }

    private static void append(StringBuilder sb, Throwable t, StackTraceElement[] enclosing, String caption,
                               String prefix, Set<Throwable> seen, int depth) {
        sb.append(prefix).append(caption);
        if (!seen.add(t)) {
            sb.append("[CIRCULAR REFERENCE: ");
            header(sb, t);
            sb.append("]\n");
            return;
        }
        header(sb, t);
        sb.append('\n');
        if (depth >= MAX_DEPTH) {
            sb.append(prefix).append(INDENT).append("...\n");
            return;
        }
        ThrowableParts parts = ThrowableParts.of(t);
        if (parts.framesFailure() != null) {
            sb.append(prefix).append(INDENT).append("at ").append(parts.framesFailure()).append('\n');
        }
        StackTraceElement[] frames = parts.frames();
        int own = frames.length;
        if (enclosing != null) {
            // Frames shared with the enclosing trace are said once, as "... n more".
            int m = frames.length - 1;
            int n = enclosing.length - 1;
            while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
                m--;
                n--;
            }
            own = m + 1;
        }
        int shown = Math.min(own, MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            sb.append(prefix).append(INDENT).append("at ");
            PrettyText.appendMessage(sb, String.valueOf(frames[i]));
            sb.append('\n');
        }
        if (frames.length > shown) {
            sb.append(prefix).append(INDENT).append("... ").append(frames.length - shown).append(" more\n");
        }
        if (parts.suppressedFailure() != null) {
            sb.append(prefix).append(INDENT).append("Suppressed: ").append(parts.suppressedFailure()).append('\n');
        }
        for (Throwable s : parts.suppressed()) {
            if (s != null) {
                append(sb, s, frames, "Suppressed: ", prefix + INDENT, seen, depth + 1);
            }
        }
        if (parts.causeFailure() != null) {
            sb.append(prefix).append("Caused by: ").append(parts.causeFailure()).append('\n');
        } else if (parts.cause() != null) {
            append(sb, parts.cause(), frames, "Caused by: ", prefix, seen, depth + 1);
        }
    }

    private static void header(StringBuilder sb, Throwable t) {
        sb.append(t.getClass().getName());
        appendMessage(sb, t);
    }

    private static void appendMessage(StringBuilder sb, Throwable t) {
        String message = ThrowableParts.message(t);
        if (message != null) {
            sb.append(": ");
            PrettyText.appendMessage(sb, message);
        }
    }
}
