package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes an arbitrary value (a {@link dev.signals.Field.Type#VALUE} field) as JSON: maps,
 * iterables, arrays and records as objects and arrays, scalars in their JSON type, anything
 * else as its {@code String.valueOf}. Containers nest at most {@value #MAX_DEPTH} deep (deeper
 * ones become {@value #TOO_DEEP}) and a container inside itself becomes {@value #CYCLE}.
 * Reused; not thread-safe.
 */
final class ValueEncoder {

    static final int MAX_DEPTH = 16;
    static final String TOO_DEEP = "...";
    static final String CYCLE = "<cycle>";

    private final ErrorEncoder errors;
    private final char[] scratch;
    // The containers being written, outermost first: the identity-based cycle guard.
    private final Object[] path = new Object[MAX_DEPTH + 1];
    private int pathLength;

    ValueEncoder(ErrorEncoder errors, char[] scratch) {
        this.errors = errors;
        this.scratch = scratch;
    }

    /** Writes one value. */
    void write(JsonGenerator g, Object value) throws IOException {
        try {
            write(g, value, 1);
        } finally {
            Arrays.fill(path, 0, pathLength, null); // after a failure part of the path is left
            pathLength = 0;
        }
    }

    private void write(JsonGenerator g, Object v, int depth) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof CharSequence) {
            JsonScalars.string(g, v.toString());
        } else if (v instanceof Number) {
            number(g, (Number) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Character || v instanceof Path) {
            // A Path is an Iterable of Paths: written as an array it would nest without end.
            JsonScalars.string(g, v.toString());
        } else if (v instanceof Enum) {
            JsonScalars.string(g, ((Enum<?>) v).name());
        } else if (v instanceof Duration) {
            JsonScalars.duration(g, (Duration) v, scratch);
        } else if (v instanceof Instant) {
            JsonScalars.instant(g, (Instant) v, scratch);
        } else if (v instanceof Throwable) {
            errors.write(g, (Throwable) v);
        } else if (v instanceof OptionalInt) {
            OptionalInt o = (OptionalInt) v;
            if (o.isPresent()) {
                g.writeNumber(o.getAsInt());
            } else {
                g.writeNull();
            }
        } else if (v instanceof OptionalLong) {
            OptionalLong o = (OptionalLong) v;
            if (o.isPresent()) {
                g.writeNumber(o.getAsLong());
            } else {
                g.writeNull();
            }
        } else if (v instanceof OptionalDouble) {
            OptionalDouble o = (OptionalDouble) v;
            if (o.isPresent()) {
                JsonScalars.number(g, o.getAsDouble(), scratch);
            } else {
                g.writeNull();
            }
        } else if (isContainer(v)) {
            container(g, v, depth);
        } else {
            JsonScalars.string(g, String.valueOf(v));
        }
    }

    private static boolean isContainer(Object v) {
        return v instanceof Map || v instanceof Iterable || v instanceof Optional
                || v.getClass().isArray() || v.getClass().isRecord();
    }

    private void container(JsonGenerator g, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            g.writeString(TOO_DEEP);
            return;
        }
        for (int i = 0; i < pathLength; i++) {
            if (path[i] == v) {
                g.writeString(CYCLE);
                return;
            }
        }
        path[pathLength++] = v;
        if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
                JsonScalars.key(g, String.valueOf(entry.getKey()));
                write(g, entry.getValue(), depth + 1);
            }
            g.writeEndObject();
        } else if (v instanceof Iterable) {
            g.writeStartArray();
            for (Object element : (Iterable<?>) v) {
                write(g, element, depth + 1);
            }
            g.writeEndArray();
        } else if (v instanceof Optional) {
            write(g, ((Optional<?>) v).orElse(null), depth + 1);
        } else if (v.getClass().isArray()) {
            array(g, v, depth);
        } else {
            record(g, v, depth);
        }
        path[--pathLength] = null;
    }

    private void record(JsonGenerator g, Object record, int depth) throws IOException {
        RecordShapes.Shape shape = RecordShapes.of(record.getClass());
        Object[] values = shape.read(record);
        if (values == null) {
            JsonScalars.string(g, String.valueOf(record));
            return;
        }
        g.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            JsonScalars.key(g, shape.names[i]);
            write(g, values[i], depth + 1);
        }
        g.writeEndObject();
    }

    private void array(JsonGenerator g, Object array, int depth) throws IOException {
        if (array instanceof char[]) {
            // Text, not a list of characters: written as one string.
            JsonScalars.string(g, new String((char[]) array));
            return;
        }
        g.writeStartArray();
        if (array instanceof Object[]) {
            for (Object element : (Object[]) array) {
                write(g, element, depth + 1);
            }
        } else if (array instanceof int[]) {
            for (int x : (int[]) array) {
                g.writeNumber(x);
            }
        } else if (array instanceof long[]) {
            for (long x : (long[]) array) {
                g.writeNumber(x);
            }
        } else if (array instanceof double[]) {
            for (double x : (double[]) array) {
                JsonScalars.number(g, x, scratch);
            }
        } else if (array instanceof float[]) {
            for (float x : (float[]) array) {
                JsonScalars.number(g, x);
            }
        } else if (array instanceof boolean[]) {
            for (boolean x : (boolean[]) array) {
                g.writeBoolean(x);
            }
        } else if (array instanceof byte[]) {
            for (byte x : (byte[]) array) {
                g.writeNumber(x);
            }
        } else if (array instanceof short[]) {
            for (short x : (short[]) array) {
                g.writeNumber(x);
            }
        }
        g.writeEndArray();
    }

    private void number(JsonGenerator g, Number n) throws IOException {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong
                || n instanceof LongAdder || n instanceof LongAccumulator) {
            g.writeNumber(n.longValue());
        } else if (n instanceof Float) {
            JsonScalars.number(g, n.floatValue());
        } else if (n instanceof BigDecimal) {
            g.writeNumber((BigDecimal) n); // exact: its own digits, an exponent when it has one
        } else if (n instanceof BigInteger) {
            g.writeNumber((BigInteger) n);
        } else {
            JsonScalars.number(g, n.doubleValue(), scratch); // Double, DoubleAdder and other Numbers
        }
    }
}
