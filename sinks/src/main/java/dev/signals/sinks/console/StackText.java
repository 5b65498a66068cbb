package dev.signals.sinks.console;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Errors for the pretty console: a one-line summary for the event line
 * ({@code IllegalStateException: declined}) and the stack trace for the lines under it, every
 * one indented so that only an event starts at the left margin. Laid out like
 * {@link Throwable#printStackTrace()} (causes, suppressed, "... n more"), with messages escaped
 * so they cannot add lines, at most {@value #MAX_FRAMES} frames per throwable, and cycles cut.
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
        String message = t.getMessage();
        if (message != null) {
            sb.append(": ");
            PrettyText.appendMessage(sb, message);
        }
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
        StackTraceElement[] frames = t.getStackTrace();
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
        for (Throwable s : t.getSuppressed()) {
            append(sb, s, frames, "Suppressed: ", prefix + INDENT, seen, depth + 1);
        }
        Throwable cause = t.getCause();
        if (cause != null) {
            append(sb, cause, frames, "Caused by: ", prefix, seen, depth + 1);
        }
    }

    private static void header(StringBuilder sb, Throwable t) {
        sb.append(t.getClass().getName());
        String message = t.getMessage();
        if (message != null) {
            sb.append(": ");
            PrettyText.appendMessage(sb, message);
        }
    }
}
