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
public abstract sealed class Field {

    /** What kind of value a field holds, which decides how sinks write it. */
    public enum Type { STRING, LONG, DOUBLE, BOOLEAN, DURATION, INSTANT, ERROR, SECRET, VALUE }

    /** The key {@link #error(Throwable)} uses. */
    public static final String ERROR_KEY = "error";

    // One small class per representation keeps every field at 24 bytes (with compressed class
    // pointers): a header, the key and one value. A single class holding a type, a long and a
    // reference took 32; an event's fields are most of what emitting allocates.
    private final String key;

    private Field(String key) {
        this.key = Objects.requireNonNull(key, "field key");
    }

    public static Field of(String key, String value) {
        return new RefField(key, Type.STRING, value);
    }

    public static Field of(String key, long value) {
        return new LongField(key, value);
    }

    public static Field of(String key, int value) {
        return new LongField(key, value);
    }

    public static Field of(String key, double value) {
        return new DoubleField(key, value);
    }

    public static Field of(String key, boolean value) {
        return new BooleanField(key, value);
    }

    public static Field of(String key, Duration value) {
        return new RefField(key, Type.DURATION, value);
    }

    public static Field of(String key, Instant value) {
        return new RefField(key, Type.INSTANT, value);
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
            return new RefField(key, Type.ERROR, value);
        }
        return new RefField(key, Type.VALUE, value);
    }

    /** The error of an event, under the key {@code error}: type, message, cause chain and stack. */
    public static Field error(Throwable error) {
        return new RefField(ERROR_KEY, Type.ERROR, error);
    }

    /**
     * A value that no sink ever writes in clear: it is written as {@code "***"}. Use it for
     * tokens and passwords that must travel with an event (for example to a custom sink that
     * authenticates) but must never reach a log.
     */
    public static Field secret(String key, String value) {
        return new RefField(key, Type.SECRET, value);
    }

    public final String key() {
        return key;
    }

    public abstract Type type();

    /** The value of a {@link Type#LONG} field; 0 for other types. */
    public long longValue() {
        return 0;
    }

    /** The value of a {@link Type#DOUBLE} field; 0 for other types. */
    public double doubleValue() {
        return 0;
    }

    /** The value of a {@link Type#BOOLEAN} field; {@code false} for other types. */
    public boolean booleanValue() {
        return false;
    }

    /** The value of a {@link Type#STRING} field, or {@code null} for other types. */
    public String stringValue() {
        return (String) ref(Type.STRING);
    }

    /** The value of a {@link Type#DURATION} field, or {@code null}. */
    public Duration durationValue() {
        return (Duration) ref(Type.DURATION);
    }

    /** The value of an {@link Type#INSTANT} field, or {@code null}. */
    public Instant instantValue() {
        return (Instant) ref(Type.INSTANT);
    }

    /** The throwable of an {@link Type#ERROR} field, or {@code null}. */
    public Throwable errorValue() {
        return (Throwable) ref(Type.ERROR);
    }

    /**
     * The clear text of a {@link Type#SECRET} field, for sinks that must use it (never to write
     * it out), or {@code null} for other types.
     */
    public String secretValue() {
        return (String) ref(Type.SECRET);
    }

    /** The referenced value when this field is of type {@code wanted}, else {@code null}. */
    Object ref(Type wanted) {
        return null;
    }

    /**
     * The value boxed, whatever the type: {@code Long}, {@code Double}, {@code Boolean},
     * {@code String}, {@code Duration}, {@code Instant}, {@code Throwable} or the object given.
     * A secret answers {@code "***"}.
     */
    public abstract Object value();

    /** A copy of this field under another key. */
    public abstract Field withKey(String newKey);

    /** Two fields are equal when key, type and value are. Secrets compare by their clear text. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Field)) {
            return false;
        }
        Field f = (Field) o;
        return key.equals(f.key) && type() == f.type() && Objects.equals(clearValue(), f.clearValue());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type(), clearValue());
    }

    /** {@code key=value}; a secret shows as {@code ***}. */
    @Override
    public String toString() {
        return key + "=" + value();
    }

    /** The value for comparisons: like {@link #value()}, but a secret's clear text. */
    Object clearValue() {
        return value();
    }

    /** Strings, durations, instants, errors, secrets and any other object. */
    private static final class RefField extends Field {
        private final Type type;
        private final Object ref;

        RefField(String key, Type type, Object ref) {
            super(key);
            this.type = type;
            this.ref = ref;
        }

        @Override
        public Type type() {
            return type;
        }

        @Override
        Object ref(Type wanted) {
            return type == wanted ? ref : null;
        }

        @Override
        public Object value() {
            return type == Type.SECRET ? "***" : ref;
        }

        @Override
        Object clearValue() {
            return ref;
        }

        @Override
        public Field withKey(String newKey) {
            return new RefField(newKey, type, ref);
        }
    }

    /** A {@link Type#LONG}, unboxed. */
    private static final class LongField extends Field {
        private final long value;

        LongField(String key, long value) {
            super(key);
            this.value = value;
        }

        @Override
        public Type type() {
            return Type.LONG;
        }

        @Override
        public long longValue() {
            return value;
        }

        @Override
        public Object value() {
            return value;
        }

        @Override
        public Field withKey(String newKey) {
            return new LongField(newKey, value);
        }
    }

    /** A {@link Type#DOUBLE}, unboxed. */
    private static final class DoubleField extends Field {
        private final double value;

        DoubleField(String key, double value) {
            super(key);
            this.value = value;
        }

        @Override
        public Type type() {
            return Type.DOUBLE;
        }

        @Override
        public double doubleValue() {
            return value;
        }

        @Override
        public Object value() {
            return value;
        }

        @Override
        public Field withKey(String newKey) {
            return new DoubleField(newKey, value);
        }
    }

    /** A {@link Type#BOOLEAN}, unboxed. */
    private static final class BooleanField extends Field {
        private final boolean value;

        BooleanField(String key, boolean value) {
            super(key);
            this.value = value;
        }

        @Override
        public Type type() {
            return Type.BOOLEAN;
        }

        @Override
        public boolean booleanValue() {
            return value;
        }

        @Override
        public Object value() {
            return value;
        }

        @Override
        public Field withKey(String newKey) {
            return new BooleanField(newKey, value);
        }
    }
}
