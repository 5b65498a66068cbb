package dev.signals.sinks.reader;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One event as a line for people:
 * {@code 2026-11-23T03:21:41.123456Z ERROR PAYMENT_FAILED #42 Payment declined thread=main order_id="o 1" error={...}}.
 *
 * <p>The text comes from files that may hold anything, so control characters (terminal escape
 * sequences included) and line separators are shown escaped, never written raw to a terminal.
 */
final class PrettyLine {

    private static final Set<String> HEAD = Set.of("time", "seq", "signal", "severity", "message");

    private PrettyLine() {
    }

    static String format(SnapshotEvent e) {
        Map<String, Object> fields = e.fields();
        StringBuilder sb = new StringBuilder(128);
        sb.append(e.time()).append(' ');
        String severity = e.severity().name();
        sb.append(severity);
        for (int i = severity.length(); i < 5; i++) {
            sb.append(' ');
        }
        sb.append(' ');
        safe(sb, e.signal());
        sb.append(" #").append(e.seq());
        Object message = fields.get("message");
        if (message instanceof String && !((String) message).isEmpty()) {
            sb.append(' ');
            safe(sb, (String) message);
        }
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (HEAD.contains(f.getKey())) {
                continue;
            }
            sb.append(' ');
            safe(sb, f.getKey());
            sb.append('=');
            Object v = f.getValue();
            if (v instanceof String) {
                String s = (String) v;
                if (needsQuotes(s)) {
                    sb.append('"');
                    safe(sb, s.replace("\\", "\\\\").replace("\"", "\\\""));
                    sb.append('"');
                } else {
                    safe(sb, s);
                }
            } else {
                safe(sb, JsonTree.write(v));
            }
        }
        return sb.toString();
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '"' || c == '=' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code s} with control characters and line separators escaped. */
    static void safe(StringBuilder sb, String s) {
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
}
