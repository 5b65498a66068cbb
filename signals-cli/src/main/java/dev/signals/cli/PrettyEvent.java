package dev.signals.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;

/**
 * An Event JSON line as one readable line: {@code 14:02:07.123 WARN  PAYMENT_DECLINED card
 * declined  order_id=1002 [worker-3] trace=4bf9…}. Fields come in their order; strings with
 * spaces or quotes, and nested values, are shown as JSON. Control characters are shown as
 * {@code \\uXXXX}: no event can move the cursor, recolour or retitle the terminal.
 */
final class PrettyEvent {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> HEAD = Set.of("time", "seq", "signal", "severity", "message", "thread", "trace_id",
            "span_id");

    private PrettyEvent() {
    }

    /** The line for {@code json}; the JSON itself when it is not an object. */
    static String format(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return json;
            }
            String time = "";
            String severity = "";
            String signal = "";
            String message = "";
            String thread = null;
            String trace = null;
            StringBuilder fields = new StringBuilder();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                String value = printable(t.isStructStart() ? nested(p) : t == JsonToken.VALUE_NULL ? "null" : p.getText());
                switch (key) {
                    case "time" -> time = value.length() >= 23 ? value.substring(11, 23) : value;
                    case "severity" -> severity = value;
                    case "signal" -> signal = value;
                    case "message" -> message = value;
                    case "thread" -> thread = value;
                    case "trace_id" -> trace = value;
                    default -> {
                        if (!HEAD.contains(key)) {
                            fields.append("  ").append(key).append('=')
                                    .append(t == JsonToken.VALUE_STRING ? quoteIfNeeded(value) : value);
                        }
                    }
                }
            }
            StringBuilder line = new StringBuilder(time).append(' ').append(String.format("%-5s", severity)).append(' ')
                    .append(signal);
            if (!message.isEmpty()) {
                line.append(' ').append(message);
            }
            line.append(fields);
            if (thread != null) {
                line.append("  [").append(thread).append(']');
            }
            if (trace != null) {
                line.append("  trace=").append(trace);
            }
            return line.toString();
        } catch (IOException notJson) {
            return json;
        }
    }

    /** {@code s} with every control character (C0, DEL, C1) written as {@code \\uXXXX}. */
    static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String nested(JsonParser p) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    private static String quoteIfNeeded(String s) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '"' || c == '=') {
                return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return s;
    }
}
