package dev.signals.sinks.json;

/**
 * The keys an event line writes itself ({@code _truncated} only when a limit cut something,
 * but reserved always, so a field's key does not depend on its value). A field with one of these keys is written under the
 * key with an underscore in front ({@code message} becomes {@code _message}) so it can never
 * pass for the event's own value.
 */
final class ReservedKeys {

    private ReservedKeys() {
    }

    /** {@code "_" + key} when {@code key} is reserved (without allocating), else {@code null}. */
    static String underscored(String key) {
        switch (key) {
            case "time": return "_time";
            case "seq": return "_seq";
            case "signal": return "_signal";
            case "severity": return "_severity";
            case "message": return "_message";
            case "thread": return "_thread";
            case "trace_id": return "_trace_id";
            case "span_id": return "_span_id";
            case "_truncated": return "__truncated";
            default: return null;
        }
    }
}
