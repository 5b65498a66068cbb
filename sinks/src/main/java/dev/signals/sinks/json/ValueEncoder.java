package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
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
 * else as its {@code String.valueOf}. Bounded by {@link Limits}: strings and keys are cut,
 * arrays, iterables and maps keep their first {@link Limits#MAX_ELEMENTS} elements and then
 * one {@link Limits#MARK}, so an endless iterable ends; containers nest at most
 * {@value #MAX_DEPTH} deep (deeper ones become the mark); a container inside itself becomes
 * {@value #CYCLE}. Every cut is noted in {@link Cuts}. Reused; not thread-safe.
 */
final class ValueEncoder {

    static final int MAX_DEPTH = 16;
    static final String CYCLE = "<cycle>";

    private final ErrorEncoder errors;
    private final Cuts cuts;
    private final char[] scratch;
    // The containers being written, outermost first: the identity-based cycle guard.
    private final Object[] path = new Object[MAX_DEPTH + 1];
    private int pathLength;

    ValueEncoder(ErrorEncoder errors, Cuts cuts, char[] scratch) {
        this.errors = errors;
        this.cuts = cuts;
        this.scratch = scratch;
    }

    /** Writes one value. */
    void write(JsonGenerator g, Object value) throws IOException {
        try {
            write(g, value, 1);
        } finally {
            reset();
        }
    }

    /** Forgets the containers of the last value (after a failure part of the path is left). */
    void reset() {
        Arrays.fill(path, 0, pathLength, null);
        pathLength = 0;
    }

    private void write(JsonGenerator g, Object v, int depth) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            string(g, (String) v);
        } else if (v instanceof CharSequence) {
            string(g, Limits.head((CharSequence) v));
        } else if (v instanceof Number) {
            number(g, (Number) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Character || v instanceof Path) {
            // A Path is an Iterable of Paths: written as an array it would nest without end.
            string(g, v.toString());
        } else if (v instanceof Enum) {
            string(g, ((Enum<?>) v).name());
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
            string(g, String.valueOf(v));
        }
    }

    private void string(JsonGenerator g, String s) throws IOException {
        JsonScalars.string(g, cuts.string(s));
    }

    private void key(JsonGenerator g, String key) throws IOException {
        JsonScalars.key(g, cuts.string(key));
    }

    /** Stands for the elements or entries left out, or for a container too deep. */
    private void cutHere(JsonGenerator g) throws IOException {
        cuts.mark();
        g.writeString(Limits.MARK);
    }

    private static boolean isContainer(Object v) {
        return v instanceof Map || v instanceof Iterable || v instanceof Optional
                || v.getClass().isArray() || v.getClass().isRecord();
    }

    private void container(JsonGenerator g, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            cutHere(g);
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
            map(g, (Map<?, ?>) v, depth);
        } else if (v instanceof Iterable) {
            g.writeStartArray();
            Iterator<?> elements = ((Iterable<?>) v).iterator();
            for (int i = 0; elements.hasNext(); i++) {
                if (i == Limits.MAX_ELEMENTS) {
                    cutHere(g);
                    break;
                }
                write(g, elements.next(), depth + 1);
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

    private void map(JsonGenerator g, Map<?, ?> map, int depth) throws IOException {
        g.writeStartObject();
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        for (int i = 0; entries.hasNext(); i++) {
            if (i == Limits.MAX_ELEMENTS) {
                g.writeFieldName(Limits.MARK);
                cutHere(g);
                break;
            }
            Map.Entry<?, ?> entry = entries.next();
            key(g, String.valueOf(entry.getKey()));
            write(g, entry.getValue(), depth + 1);
        }
        g.writeEndObject();
    }

    private void record(JsonGenerator g, Object record, int depth) throws IOException {
        RecordShapes.Shape shape = RecordShapes.of(record.getClass());
        Object[] values = shape.read(record);
        if (values == null) {
            string(g, String.valueOf(record));
            return;
        }
        g.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            key(g, shape.names[i]);
            write(g, values[i], depth + 1);
        }
        g.writeEndObject();
    }

    private void array(JsonGenerator g, Object array, int depth) throws IOException {
        int length = Array.getLength(array);
        int shown = Math.min(length, Limits.MAX_ELEMENTS);
        if (array instanceof char[]) {
            // Text, not a list of characters: written as one string (one character past the
            // limit is enough for the string to be cut and marked).
            string(g, new String((char[]) array, 0, Math.min(length, Limits.MAX_STRING_CHARS + 1)));
            return;
        }
        g.writeStartArray();
        if (array instanceof Object[]) {
            Object[] a = (Object[]) array;
            for (int i = 0; i < shown; i++) {
                write(g, a[i], depth + 1);
            }
        } else if (array instanceof int[]) {
            int[] a = (int[]) array;
            for (int i = 0; i < shown; i++) {
                g.writeNumber(a[i]);
            }
        } else if (array instanceof long[]) {
            long[] a = (long[]) array;
            for (int i = 0; i < shown; i++) {
                g.writeNumber(a[i]);
            }
        } else if (array instanceof double[]) {
            double[] a = (double[]) array;
            for (int i = 0; i < shown; i++) {
                JsonScalars.number(g, a[i], scratch);
            }
        } else if (array instanceof float[]) {
            float[] a = (float[]) array;
            for (int i = 0; i < shown; i++) {
                JsonScalars.number(g, a[i]);
            }
        } else if (array instanceof boolean[]) {
            boolean[] a = (boolean[]) array;
            for (int i = 0; i < shown; i++) {
                g.writeBoolean(a[i]);
            }
        } else if (array instanceof byte[]) {
            byte[] a = (byte[]) array;
            for (int i = 0; i < shown; i++) {
                g.writeNumber(a[i]);
            }
        } else if (array instanceof short[]) {
            short[] a = (short[]) array;
            for (int i = 0; i < shown; i++) {
                g.writeNumber(a[i]);
            }
        }
        if (length > shown) {
            cutHere(g);
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
