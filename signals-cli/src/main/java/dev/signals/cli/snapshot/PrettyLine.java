package dev.signals.cli.snapshot;

import dev.signals.sinks.reader.JsonTree;
import dev.signals.sinks.reader.SafeText;
import dev.signals.sinks.reader.SnapshotEvent;
import java.util.Map;
import java.util.Set;

/**
 * One event as a line for people:
 * {@code 2026-11-23T03:21:41.123456Z ERROR PAYMENT_FAILED #42 Payment declined thread=main order_id="o 1" error={...}},
 * its text made safe for a terminal ({@link SafeText}).
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
        SafeText.append(sb, e.signal());
        sb.append(" #").append(e.seq());
        Object message = fields.get("message");
        if (message instanceof String && !((String) message).isEmpty()) {
            sb.append(' ');
            SafeText.append(sb, (String) message);
        }
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (HEAD.contains(f.getKey())) {
                continue;
            }
            sb.append(' ');
            SafeText.append(sb, f.getKey());
            sb.append('=');
            Object v = f.getValue();
            if (v instanceof String) {
                String s = (String) v;
                if (needsQuotes(s)) {
                    sb.append('"');
                    SafeText.append(sb, s.replace("\\", "\\\\").replace("\"", "\\\""));
                    sb.append('"');
                } else {
                    SafeText.append(sb, s);
                }
            } else {
                SafeText.append(sb, JsonTree.write(v));
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
}
