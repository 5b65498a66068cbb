package dev.signals.router;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.router.config.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route filter from config: {@code "where": {"service": "payment-service", "retry": 2}}
 * passes events whose fields all equal the given values. Strings compare with strings,
 * whole numbers with long fields, booleans with boolean fields; a missing field never matches.
 */
final class FieldEquality implements RouteFilter {

    private final Map<String, Object> expected;

    private FieldEquality(Map<String, Object> expected) {
        this.expected = expected;
    }

    /** The filter a {@code "where"} node describes, or {@code null} when there is none. */
    static RouteFilter read(ConfigNode where) {
        if (where == null) {
            return null;
        }
        if (where.kind() != ConfigNode.Kind.OBJECT || where.members().isEmpty()) {
            throw where.error("expected an object of field values, such as {\"service\": \"payment-service\"}");
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : where.members().entrySet()) {
            ConfigNode v = e.getValue();
            switch (v.kind()) {
                case STRING:
                    expected.put(e.getKey(), v.text());
                    break;
                case BOOLEAN:
                    expected.put(e.getKey(), v.bool());
                    break;
                case NUMBER:
                    if (!(v.number() instanceof Long)) {
                        throw v.error("expected a whole number, a string or a boolean, found " + v.number());
                    }
                    expected.put(e.getKey(), v.number());
                    break;
                default:
                    throw v.error("expected a string, a whole number or a boolean, found " + v.describe());
            }
        }
        return new FieldEquality(expected);
    }

    @Override
    public boolean test(Event event) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Field f = event.field(e.getKey());
            if (f == null || !matches(f, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Field f, Object want) {
        switch (f.type()) {
            case STRING:
                return want.equals(f.stringValue());
            case LONG:
                return want instanceof Long && (Long) want == f.longValue();
            case BOOLEAN:
                return want instanceof Boolean && (Boolean) want == f.booleanValue();
            default:
                return false;
        }
    }
}
