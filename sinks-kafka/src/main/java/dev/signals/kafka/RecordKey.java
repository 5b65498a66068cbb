package dev.signals.kafka;

import dev.signals.Event;
import dev.signals.Field;

/**
 * Picks the Kafka record key of an event: the value of one field, or by default the trace id,
 * so that the events of one key (one trace) land in one partition, in order. An event without
 * the field gets no key. A secret (or a redacted field) never becomes a key, nor does a value
 * that is an error or a nested structure.
 */
final class RecordKey {

    /** The key that means the event's trace id, which is not a field. */
    static final String TRACE_ID = "trace_id";

    private final String field;

    /** @param field the field whose value keys the record; {@code null} or {@code trace_id} for the trace id */
    RecordKey(String field) {
        this.field = field == null || field.equals(TRACE_ID) ? null : field;
    }

    /** The key as UTF-8, or {@code null}. */
    byte[] of(Event event) {
        String text = field == null ? event.traceId() : text(event.field(field));
        return text == null ? null : SpoolRecord.utf8(text);
    }

    private static String text(Field f) {
        if (f == null) {
            return null;
        }
        switch (f.type()) {
            case STRING:
                return f.stringValue();
            case LONG:
                return Long.toString(f.longValue());
            case DOUBLE:
                return Double.toString(f.doubleValue());
            case BOOLEAN:
                return Boolean.toString(f.booleanValue());
            case DURATION:
                return f.durationValue().toString();
            case INSTANT:
                return f.instantValue().toString();
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        return field == null ? TRACE_ID : field;
    }
}
