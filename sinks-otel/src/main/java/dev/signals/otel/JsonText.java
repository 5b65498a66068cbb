package dev.signals.otel;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an arbitrary field value as JSON text, for attribute values that OpenTelemetry has no
 * type for: maps and records as objects, iterables and arrays as arrays, scalars in their JSON
 * type, anything else as the JSON string of {@code String.valueOf}. Nesting stops at
 * {@value #MAX_DEPTH} levels ({@code "..."}) and a container inside itself is {@code "<cycle>"}.
 * Nothing is ever interpreted.
 */
final class JsonText {

    static final int MAX_DEPTH = 16;

    private final StringBuilder out = new StringBuilder();
    private final Map<Object, Boolean> open = new IdentityHashMap<>();

    private JsonText() {
    }

    /** {@code value} as JSON text. */
    static String of(Object value) {
        JsonText json = new JsonText();
        json.write(value, 1);
        return json.out.toString();
    }

    private void write(Object v, int depth) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof java.nio.file.Path) {
            // A Path is an Iterable of Paths: as an array it would nest without end.
            string(v.toString());
        } else if (v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Number) {
            number((Number) v);
        } else if (v instanceof Enum) {
            string(((Enum<?>) v).name());
        } else if (v instanceof Duration) {
            out.append(FieldAttributes.millis((Duration) v));
        } else if (v instanceof Instant) {
            string(v.toString());
        } else if (v instanceof Throwable) {
            string(FieldAttributes.describe((Throwable) v));
        } else if (v instanceof Optional) {
            write(((Optional<?>) v).orElse(null), depth);
        } else if (v instanceof Map || v instanceof Iterable || v.getClass().isArray() || v instanceof Record) {
            container(v, depth);
        } else {
            string(String.valueOf(v));
        }
    }

    private void container(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            string("...");
            return;
        }
        if (open.put(v, Boolean.TRUE) != null) {
            string("<cycle>");
            return;
        }
        try {
            if (v instanceof Map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    first = comma(first);
                    string(String.valueOf(e.getKey()));
                    out.append(':');
                    write(e.getValue(), depth + 1);
                }
                out.append('}');
            } else if (v instanceof Iterable) {
                out.append('[');
                boolean first = true;
                for (Object item : (Iterable<?>) v) {
                    first = comma(first);
                    write(item, depth + 1);
                }
                out.append(']');
            } else if (v instanceof Record) {
                record((Record) v, depth);
            } else {
                out.append('[');
                int n = Array.getLength(v);
                for (int i = 0; i < n; i++) {
                    comma(i == 0);
                    write(Array.get(v, i), depth + 1);
                }
                out.append(']');
            }
        } finally {
            open.remove(v);
        }
    }

    private void record(Record r, int depth) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(r);
            }
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            // A record this module may not read (not public) is written the way it prints itself.
            string(String.valueOf(r));
            return;
        }
        out.append('{');
        for (int i = 0; i < components.length; i++) {
            comma(i == 0);
            string(components[i].getName());
            out.append(':');
            write(values[i], depth + 1);
        }
        out.append('}');
    }

    private boolean comma(boolean first) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    private void number(Number n) {
        double d = n.doubleValue();
        if ((n instanceof Double || n instanceof Float) && (Double.isNaN(d) || Double.isInfinite(d))) {
            string(n.toString()); // JSON has no NaN or Infinity
        } else {
            out.append(n);
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
