package dev.signals;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * One emitted signal: what, when, where, and the fields that came with it. Immutable, so a
 * single instance is shared by every sink, thread and buffer that sees it.
 *
 * <p>Fields come in two groups, written in this order: <em>context</em> fields (bound with
 * {@link Signals#with} and opened with {@link Signals#scope}) and the fields given at the
 * call. {@link #fieldCount()} and {@link #field(int)} walk both without allocating; when a
 * key repeats, the later field wins (the call site over the scope over the binding).
 */
public final class Event {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long epochMicros;
    private final long sequence;
    private final Signal signal;
    private final String message;
    private final String thread;
    // The trace context as the thread held it (no copy), and the context fields followed by the
    // call-site fields in one array: these seven members make an event of 48 bytes, not 56
    // (with compressed references), and a busy service builds millions of events.
    private final TraceContext trace;
    private final Field[] fields;

    private Event(long epochMicros, long sequence, Signal signal, String message, String thread,
                  TraceContext trace, Field[] fields) {
        this.epochMicros = epochMicros;
        this.sequence = sequence;
        this.signal = signal;
        this.message = message;
        this.thread = thread;
        this.trace = trace;
        this.fields = fields;
    }

    /**
     * An event stamped now on the current thread, numbered in the process-wide order, with the
     * thread's scoped fields and trace context: what {@link Signals#emit} makes. For
     * dispatchers ({@link dev.signals.spi.Dispatcher#emit}); the arrays are taken as they are
     * and must not change afterwards (a varargs array is the caller's own copy).
     */
    public static Event capture(Signal signal, String message, Field[] bound, Field[] fields) {
        ThreadContext ctx = ThreadContext.current();
        return new Event(nowMicros(), SEQUENCE.incrementAndGet(), signal, message == null ? "" : message,
                Thread.currentThread().getName(), ctx.trace,
                withoutNulls(ThreadContext.concat(ThreadContext.concat(bound, ctx.scoped), fields)));
    }

    /** The current time in microseconds since the epoch, the resolution events carry (see {@link EventClock}). */
    public static long nowMicros() {
        return EventClock.nowMicros();
    }

    /** A builder for events made outside {@link Signals}: bridges, readers, tests. */
    public static Builder builder(Signal signal) {
        return new Builder(signal);
    }

    public Signal signal() {
        return signal;
    }

    /** Shortcut for {@code signal().severity()}. */
    public Severity severity() {
        return signal.severity();
    }

    public String message() {
        return message;
    }

    /** When the event was emitted (microsecond resolution). */
    public Instant timestamp() {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    /** When the event was emitted, in microseconds since the epoch. */
    public long epochMicros() {
        return epochMicros;
    }

    /** The process-wide emission order: strictly increasing across all threads, from 1. */
    public long sequence() {
        return sequence;
    }

    /** The name of the thread that emitted the event. */
    public String thread() {
        return thread;
    }

    /** The W3C trace id of the span the event was emitted in, or {@code null}. */
    public String traceId() {
        return trace == null ? null : trace.traceId();
    }

    /** The W3C span id of the span the event was emitted in, or {@code null}. */
    public String spanId() {
        return trace == null ? null : trace.spanId();
    }

    /** Context fields, then call-site fields; a read-only view. */
    public List<Field> fields() {
        return new AbstractList<>() {
            @Override
            public Field get(int index) {
                Objects.checkIndex(index, size());
                return field(index);
            }

            @Override
            public int size() {
                return fieldCount();
            }
        };
    }

    /** How many fields the event carries, context and call-site together. */
    public int fieldCount() {
        return fields.length;
    }

    /** Field {@code i} of {@link #fields()}, without allocating. */
    public Field field(int i) {
        return fields[i];
    }

    /**
     * True when a later field carries the same key as field {@code i}, so that field {@code i}
     * is shadowed and writers skip it.
     */
    public boolean isShadowed(int i) {
        String key = field(i).key();
        int hash = key.hashCode();
        int n = fieldCount();
        for (int j = i + 1; j < n; j++) {
            String other = field(j).key();
            // Keys are usually constants whose hash is cached: compare hashes before the text.
            if (other == key || (other.hashCode() == hash && other.equals(key))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when two fields share a key, so that {@link #isShadowed} is true for some field.
     * Cheap when no key repeats (a filter of the keys' hashes, then the exact test only when two
     * hashes may collide): writers ask once per event, then {@code isShadowed} only if needed.
     */
    public boolean hasRepeatedKeys() {
        if (fields.length < 2) {
            return false;
        }
        long low = 0;
        long high = 0;
        for (Field f : fields) {
            int hash = f.key().hashCode();
            long a = 1L << hash; // a shift takes the low six bits of the hash
            long b = 1L << (hash >>> 6);
            if ((low & a) != 0 && (high & b) != 0) {
                for (int i = 0; i < fields.length - 1; i++) {
                    if (isShadowed(i)) {
                        return true;
                    }
                }
                return false;
            }
            low |= a;
            high |= b;
        }
        return false;
    }

    /** The value of the field with this key that wins (the last one), or {@code null}. */
    public Field field(String key) {
        for (int i = fieldCount() - 1; i >= 0; i--) {
            Field f = field(i);
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }

    /**
     * This event with each field passed through {@code mapper} (redaction, say); the same
     * instance when no field changes, so the common case allocates nothing.
     */
    public Event mapFields(UnaryOperator<Field> mapper) {
        Field[] newFields = mapAll(fields, mapper);
        if (newFields == fields) {
            return this;
        }
        return new Event(epochMicros, sequence, signal, message, thread, trace, newFields);
    }

    private static Field[] mapAll(Field[] in, UnaryOperator<Field> mapper) {
        Field[] out = in;
        for (int i = 0; i < in.length; i++) {
            Field mapped = mapper.apply(in[i]);
            if (mapped != in[i]) {
                if (out == in) {
                    out = in.clone();
                }
                out[i] = Objects.requireNonNull(mapped, "mapped field");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(sequence).append(' ').append(signal.name()).append(' ').append(message);
        for (int i = 0; i < fieldCount(); i++) {
            sb.append(' ').append(field(i));
        }
        return sb.toString();
    }

    private static Field[] withoutNulls(Field[] fields) {
        if (fields == null) {
            return ThreadContext.NO_FIELDS;
        }
        int nulls = 0;
        for (Field f : fields) {
            if (f == null) {
                nulls++;
            }
        }
        if (nulls == 0) {
            return fields;
        }
        Field[] kept = new Field[fields.length - nulls];
        int k = 0;
        for (Field f : fields) {
            if (f != null) {
                kept[k++] = f;
            }
        }
        return kept;
    }

    /** Builds an event field by field; what is not set takes the value an emit would give it. */
    public static final class Builder {
        private final Signal signal;
        private String message = "";
        private long epochMicros = Long.MIN_VALUE;
        private long sequence = -1;
        private String thread;
        private String traceId;
        private String spanId;
        private Field[] context = ThreadContext.NO_FIELDS;
        private Field[] fields = ThreadContext.NO_FIELDS;

        private Builder(Signal signal) {
            this.signal = Objects.requireNonNull(signal, "signal");
        }

        public Builder message(String message) {
            this.message = message == null ? "" : message;
            return this;
        }

        public Builder epochMicros(long micros) {
            this.epochMicros = micros;
            return this;
        }

        public Builder timestamp(Instant time) {
            return epochMicros(time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000);
        }

        public Builder sequence(long sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder thread(String thread) {
            this.thread = thread;
            return this;
        }

        public Builder trace(String traceId, String spanId) {
            this.traceId = traceId;
            this.spanId = spanId;
            return this;
        }

        public Builder context(Field... context) {
            this.context = withoutNulls(context.clone());
            return this;
        }

        public Builder fields(Field... fields) {
            this.fields = withoutNulls(fields.clone());
            return this;
        }

        public Builder fields(List<Field> fields) {
            return fields(fields.toArray(new Field[0]));
        }

        public Event build() {
            // Ids are taken as given (readers rebuild events from files), so the context is not validated.
            TraceContext trace = traceId == null && spanId == null ? null : TraceContext.local(traceId, spanId, 0, TraceState.empty());
            return new Event(epochMicros == Long.MIN_VALUE ? nowMicros() : epochMicros,
                    sequence < 0 ? SEQUENCE.incrementAndGet() : sequence, signal, message,
                    thread == null ? Thread.currentThread().getName() : thread, trace,
                    ThreadContext.concat(context, fields));
        }
    }
}
