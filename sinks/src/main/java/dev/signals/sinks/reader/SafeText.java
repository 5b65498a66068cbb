package dev.signals.sinks.reader;

import java.util.Locale;

/**
 * Text from snapshot files made safe for a terminal: the files may hold anything, so control
 * characters (terminal escape sequences included) and line separators are written escaped,
 * never raw.
 */
public final class SafeText {

    private SafeText() {
    }

    /** Appends {@code s} to {@code sb} with control characters and line separators escaped. */
    public static void append(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                switch (c) {
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    default: sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            } else {
                sb.append(c);
            }
        }
    }

    /** {@code s} with control characters and line separators escaped. */
    public static String of(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        append(sb, s);
        return sb.toString();
    }
}
