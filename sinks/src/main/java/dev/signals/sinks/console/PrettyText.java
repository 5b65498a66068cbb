package dev.signals.sinks.console;

import dev.signals.sinks.json.Limits;
import dev.signals.sinks.json.Utf16;

/**
 * Text made safe for a terminal line. Characters that would break the line or act on the
 * terminal are written as escapes: C0 and C1 control characters (newline, carriage return,
 * ESC that starts ANSI sequences, ...), DEL, U+2028/U+2029, and the bidirectional controls
 * that can make a line read differently from what it holds. Unpaired surrogates become U+FFFD.
 * Text longer than {@link Limits#MAX_STRING_CHARS} is cut and ends with {@link Limits#MARK}.
 */
final class PrettyText {

    private PrettyText() {
    }

    /** Appends a message: escaped where needed, never quoted. */
    static void appendMessage(StringBuilder sb, String s) {
        s = Utf16.clean(Limits.cut(s));
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isUnsafe(c)) {
                escape(sb, c);
            } else {
                sb.append(c);
            }
        }
    }

    /**
     * Appends a key or a string value: as it is when it is plain, else in double quotes with
     * {@code "} and {@code \} escaped too, so that {@code key=value} pairs stay unambiguous.
     */
    static void appendToken(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        s = Utf16.clean(Limits.cut(s));
        if (!needsQuotes(s)) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (isUnsafe(c)) {
                escape(sb, c);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '"' || c == '=' || c == '\\' || Character.isSpaceChar(c) || isUnsafe(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static void escape(StringBuilder sb, char c) {
        switch (c) {
            case '\n': sb.append("\\n"); break;
            case '\r': sb.append("\\r"); break;
            case '\t': sb.append("\\t"); break;
            default:
                sb.append("\\u");
                String hex = Integer.toHexString(c);
                for (int i = hex.length(); i < 4; i++) {
                    sb.append('0');
                }
                sb.append(hex);
        }
    }
}
