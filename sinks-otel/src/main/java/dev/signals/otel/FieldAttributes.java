package dev.signals.otel;

import dev.signals.Event;
import dev.signals.Field;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Fields as OpenTelemetry attributes, typed: long, double, boolean and string fields keep their
 * type; a duration is a double of milliseconds (as in the event JSON); an instant is its
 * RFC 3339 text; an error is {@code Type: message}; a secret is {@code ***}; any other value is
 * its JSON text. A field without a value adds nothing.
 */
final class FieldAttributes {

    private FieldAttributes() {
    }

    /** Attributes of the fields given when a span was opened, the later of two equal keys winning. */
    static Attributes of(List<Field> fields) {
        if (fields.isEmpty()) {
            return Attributes.empty();
        }
        AttributesBuilder b = Attributes.builder();
        for (Field f : fields) {
            put(b, f.key(), f);
        }
        return b.build();
    }

    /**
     * Adds the event's fields that no later field shadows, except the one at {@code skip}; a key
     * in {@code reserved} is written with {@code _} in front so it never passes for the
     * attribute the sink writes itself.
     */
    static void putFields(AttributesBuilder b, Event e, int skip, Set<String> reserved) {
        int n = e.fieldCount();
        boolean repeats = e.hasRepeatedKeys();
        for (int i = 0; i < n; i++) {
            if (i == skip || (repeats && e.isShadowed(i))) {
                continue;
            }
            Field f = e.field(i);
            String key = f.key();
            put(b, reserved.contains(key) ? "_" + key : key, f);
        }
    }

    /** The index of the error the event is about (its last unshadowed error field), or -1. */
    static int errorIndex(Event e) {
        for (int i = e.fieldCount() - 1; i >= 0; i--) {
            if (e.field(i).type() == Field.Type.ERROR && e.field(i).errorValue() != null && !e.isShadowed(i)) {
                return i;
            }
        }
        return -1;
    }

    static void put(AttributesBuilder b, String key, Field f) {
        switch (f.type()) {
            case LONG:
                b.put(AttributeKey.longKey(key), f.longValue());
                break;
            case DOUBLE:
                b.put(AttributeKey.doubleKey(key), f.doubleValue());
                break;
            case BOOLEAN:
                b.put(AttributeKey.booleanKey(key), f.booleanValue());
                break;
            case STRING:
                putString(b, key, f.stringValue());
                break;
            case DURATION:
                if (f.durationValue() != null) {
                    b.put(AttributeKey.doubleKey(key), millis(f.durationValue()));
                }
                break;
            case INSTANT:
                putString(b, key, f.instantValue() == null ? null : f.instantValue().toString());
                break;
            case ERROR:
                putString(b, key, f.errorValue() == null ? null : describe(f.errorValue()));
                break;
            case SECRET:
                putString(b, key, "***"); // the clear value is never read here
                break;
            default:
                if (f.value() != null) {
                    putString(b, key, JsonText.of(f.value()));
                }
        }
    }

    private static void putString(AttributesBuilder b, String key, String value) {
        if (value != null) {
            b.put(AttributeKey.stringKey(key), value);
        }
    }

    /** A duration in milliseconds, as the event JSON writes it. */
    static double millis(Duration d) {
        return d.getSeconds() * 1_000.0 + d.getNano() / 1_000_000.0;
    }

    /** {@code Type: message} of an error, on one attribute. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }
}
