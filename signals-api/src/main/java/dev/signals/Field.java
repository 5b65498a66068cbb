package dev.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One typed key/value pair carried by an event.
 *
 * <p>Primitives are stored unboxed. Strings, durations, instants, errors and secrets have
 * types of their own; anything else (lists, maps, records, enums, arrays) is kept as a
 * {@link Type#VALUE} and written as JSON by the sinks. Values are never interpreted: no
 * lookups, no templates, nothing in a message or field value is ever evaluated.
 *
 * <p>Fields are immutable as far as this class goes; a {@link Type#VALUE} holds a reference to
 * the caller's object, so pass values that you do not mutate afterwards.
 */
public final class Field {

    /** What kind of value a field holds, which decides how sinks write it. */
    public enum Type { STRING, LONG, DOUBLE, BOOLEAN, DURATION, INSTANT, ERROR, SECRET, VALUE }

    /** The key {@link #error(Throwable)} uses. */
    public static final String ERROR_KEY = "error";

    private final String key;
    private final Type type;
    private final long bits;
    private final Object ref;

    private Field(String key, Type type, long bits, Object ref) {
        this.key = Objects.requireNonNull(key, "field key");
        this.type = type;
        this.bits = bits;
        this.ref = ref;
    }

    public static Field of(String key, String value) {
        return new Field(key, Type.STRING, 0, value);
    }

    public static Field of(String key, long value) {
        return new Field(key, Type.LONG, value, null);
    }

    public static Field of(String key, int value) {
        return new Field(key, Type.LONG, value, null);
    }

    public static Field of(String key, double value) {
        return new Field(key, Type.DOUBLE, Double.doubleToRawLongBits(value), null);
    }

    public static Field of(String key, boolean value) {
        return new Field(key, Type.BOOLEAN, value ? 1 : 0, null);
    }

    public static Field of(String key, Duration value) {
        return new Field(key, Type.DURATION, 0, value);
    }

    public static Field of(String key, Instant value) {
        return new Field(key, Type.INSTANT, 0, value);
    }

    /**
     * A field of any value, typed by what the value is at run time: boxed numbers, booleans,
     * strings, durations and instants get their own type; a {@link Throwable} is an error;
     * everything else (lists, maps, records, enums, arrays, {@code null}) is written as JSON.
     */
    public static Field of(String key, Object value) {
        if (value instanceof String) {
            return of(key, (String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return of(key, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            return of(key, ((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            return of(key, ((Boolean) value).booleanValue());
        } else if (value instanceof Duration) {
            return of(key, (Duration) value);
        } else if (value instanceof Instant) {
            return of(key, (Instant) value);
        } else if (value instanceof Throwable) {
            return new Field(key, Type.ERROR, 0, value);
        }
        return new Field(key, Type.VALUE, 0, value);
    }

    /** The error of an event, under the key {@code error}: type, message, cause chain and stack. */
    public static Field error(Throwable error) {
        return new Field(ERROR_KEY, Type.ERROR, 0, error);
    }

    /**
     * A value that no sink ever writes in clear: it is written as {@code "***"}. Use it for
     * tokens and passwords that must travel with an event (for example to a custom sink that
     * authenticates) but must never reach a log.
     */
    public static Field secret(String key, String value) {
        return new Field(key, Type.SECRET, 0, value);
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The value of a {@link Type#LONG} field. */
    public long longValue() {
        return bits;
    }

    /** The value of a {@link Type#DOUBLE} field. */
    public double doubleValue() {
        return Double.longBitsToDouble(bits);
    }

    /** The value of a {@link Type#BOOLEAN} field. */
    public boolean booleanValue() {
        return bits != 0;
    }

    /** The value of a {@link Type#STRING} field, or {@code null} for other types. */
    public String stringValue() {
        return type == Type.STRING ? (String) ref : null;
    }

    /** The value of a {@link Type#DURATION} field, or {@code null}. */
    public Duration durationValue() {
        return type == Type.DURATION ? (Duration) ref : null;
    }

    /** The value of an {@link Type#INSTANT} field, or {@code null}. */
    public Instant instantValue() {
        return type == Type.INSTANT ? (Instant) ref : null;
    }

    /** The throwable of an {@link Type#ERROR} field, or {@code null}. */
    public Throwable errorValue() {
        return type == Type.ERROR ? (Throwable) ref : null;
    }

    /**
     * The clear text of a {@link Type#SECRET} field, for sinks that must use it (never to write
     * it out), or {@code null} for other types.
     */
    public String secretValue() {
        return type == Type.SECRET ? (String) ref : null;
    }

    /**
     * The value boxed, whatever the type: {@code Long}, {@code Double}, {@code Boolean},
     * {@code String}, {@code Duration}, {@code Instant}, {@code Throwable} or the object given.
     * A secret answers {@code "***"}.
     */
    public Object value() {
        switch (type) {
            case LONG: return bits;
            case DOUBLE: return doubleValue();
            case BOOLEAN: return bits != 0;
            case SECRET: return "***";
            default: return ref;
        }
    }

    /** A copy of this field under another key. */
    public Field withKey(String newKey) {
        return new Field(newKey, type, bits, ref);
    }

    /** Two fields are equal when key, type and value are. Secrets compare by their clear text. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Field)) {
            return false;
        }
        Field f = (Field) o;
        return key.equals(f.key) && type == f.type && bits == f.bits && Objects.equals(ref, f.ref);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type, bits, ref);
    }

    /** {@code key=value}; a secret shows as {@code ***}. */
    @Override
    public String toString() {
        return key + "=" + value();
    }
}
