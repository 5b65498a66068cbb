package dev.signals.cli.snapshot;

import dev.signals.Severity;
import dev.signals.router.RoutePattern;
import dev.signals.sinks.reader.JsonTree;
import dev.signals.sinks.reader.SnapshotEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which events the reader shows: every condition given must hold. Signal patterns are the
 * router's ({@code ORDER_CREATED}, {@code ORDER_*}, {@code *}); several {@code --signal}
 * options mean any of them; several {@code --field} options mean all of them.
 */
final class EventFilter {

    private final List<String> signals = new ArrayList<>();
    private final List<String[]> fields = new ArrayList<>();
    private Severity minSeverity;
    private String traceId;
    private Long sinceMicros;
    private Long untilMicros;

    /** @throws IllegalArgumentException for a malformed pattern */
    void signal(String pattern) {
        signals.add(RoutePattern.parse(pattern).toString()); // checked as routes are; matched by name, no signal declared
    }

    void minSeverity(Severity severity) {
        this.minSeverity = severity;
    }

    void trace(String id) {
        this.traceId = id;
    }

    /** A {@code key=value} condition; the key may be a dotted path into objects ({@code error.type}). */
    void field(String key, String value) {
        fields.add(new String[] {key, value});
    }

    void since(long micros) {
        this.sinceMicros = micros;
    }

    void until(long micros) {
        this.untilMicros = micros;
    }

    boolean test(SnapshotEvent e) {
        if (minSeverity != null && !e.severity().isAtLeast(minSeverity)) {
            return false;
        }
        if (sinceMicros != null && e.timeMicros() < sinceMicros) {
            return false;
        }
        if (untilMicros != null && e.timeMicros() > untilMicros) {
            return false;
        }
        if (traceId != null && !traceId.equalsIgnoreCase(e.traceId() == null ? "" : e.traceId())) {
            return false;
        }
        if (!signals.isEmpty() && !matchesSignal(e.signal())) {
            return false;
        }
        if (!fields.isEmpty()) {
            Map<String, Object> all = e.fields();
            for (String[] kv : fields) {
                if (!valueMatches(lookup(all, kv[0]), kv[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean matchesSignal(String name) {
        for (String p : signals) {
            if (p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** The value at {@code key}: a top-level key first, else a dotted path into nested objects. */
    static Object lookup(Map<String, Object> fields, String key) {
        if (fields.containsKey(key)) {
            return fields.get(key);
        }
        Object at = fields;
        for (String part : key.split("\\.", -1)) {
            if (!(at instanceof Map) || !((Map<?, ?>) at).containsKey(part)) {
                return Missing.VALUE;
            }
            at = ((Map<?, ?>) at).get(part);
        }
        return at;
    }

    /** Strings compare as text, numbers by value, {@code true}/{@code false}/{@code null} as written; objects as compact JSON. */
    static boolean valueMatches(Object value, String wanted) {
        if (value == Missing.VALUE) {
            return false;
        }
        if (value == null) {
            return wanted.equals("null");
        }
        if (value instanceof String) {
            return value.equals(wanted);
        }
        if (value instanceof JsonTree.JsonNumber) {
            JsonTree.JsonNumber n = (JsonTree.JsonNumber) value;
            if (n.text().equals(wanted)) {
                return true;
            }
            BigDecimal a = n.decimal();
            try {
                return a != null && a.compareTo(new BigDecimal(wanted)) == 0;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        if (value instanceof Boolean) {
            return value.toString().equals(wanted);
        }
        return JsonTree.write(value).equals(wanted);
    }

    /** A key the event does not have (as opposed to a {@code null} value). */
    private enum Missing { VALUE }
}
