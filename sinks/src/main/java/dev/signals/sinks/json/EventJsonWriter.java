package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes events as lines of JSON (the Event JSON format of {@code docs/format.md}): one
 * object, UTF-8, ending with {@code '\n'}, that no field value can break in two.
 *
 * <p>Built for the hot path: one jackson-core generator and one byte buffer live as long as
 * the writer, so encoding an event allocates nothing beyond what its values force (a stack
 * trace, a map's entries, a double outside the plain range). The writer lays out the object
 * and writes cached strings, integers, plain doubles and booleans as bytes; jackson escapes
 * every other string and writes every nested value.
 *
 * <p><b>Ownership.</b> A writer is not thread-safe: give each thread or each sink its own, or
 * guard it with a lock. The bytes of {@link #buffer()} belong to the writer and are valid until
 * its next {@code encode}. A writer refuses to be re-entered (a value whose {@code toString}
 * emits an event to the same writer on the same thread): {@link #isBusy()} tells when to use
 * another instance, and {@link SinkEncoder} does that for a sink.
 *
 * <p><b>Limits.</b> Values are bounded by {@link Limits} (strings, elements, depth) and a line
 * never passes {@link Limits#MAX_LINE_BYTES}: what is cut is marked in place and counted under
 * the key {@code _truncated}.
 *
 * <p><b>Failures.</b> A field whose value cannot be written (its {@code toString}, accessor or
 * iterator throws) is written as the string {@code "<unwritable: ExceptionClass>"}; the rest
 * of the event is kept. A {@linkplain Unwritable#isFatal fatal} error (out of memory) fails
 * the event: it is thrown to the caller. Whatever ends an encode early, every reused part (the
 * generator, the buffer, the caches) is rebuilt before the next, so no failure spoils the next
 * line.
 */
public final class EventJsonWriter {

    private static final int INITIAL_CAPACITY = 1_024;
    // A buffer grown past this by one huge event is dropped when the next event starts.
    private static final int MAX_RETAINED_CAPACITY = 1 << 18;
    private static final byte[] TRUNCATED = ascii(",\"_truncated\":");
    // Room kept free while fields are written, for `,"_truncated":N}` and the newline.
    private static final int TAIL_ROOM = TRUNCATED.length + 12;
    private static final int FIELDS_LIMIT = Limits.MAX_LINE_BYTES - TAIL_ROOM;

    // The object's own layout, written as bytes: keys are fixed and need no escaping.
    private static final byte[] TIME = ascii("{\"time\":\"");
    private static final byte[] SEQ = ascii("\",\"seq\":");
    private static final byte[] SIGNAL = ascii(",\"signal\":");
    private static final byte[] SEVERITY = ascii(",\"severity\":");
    private static final byte[] MESSAGE = ascii(",\"message\":");
    private static final byte[] THREAD = ascii(",\"thread\":");
    private static final byte[] TRACE_ID = ascii(",\"trace_id\":");
    private static final byte[] SPAN_ID = ascii(",\"span_id\":");
    private static final byte[] SECRET_TEXT = ascii("\"***\"");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");
    private static final byte[][] SEVERITIES = severityNames();

    private final ByteBuf out = new ByteBuf(INITIAL_CAPACITY, MAX_RETAINED_CAPACITY, Limits.MAX_LINE_BYTES);
    private final char[] scratch = new char[JsonScalars.SCRATCH_LENGTH];
    private final char[] time = new char[Rfc3339.MAX_LENGTH];
    private final Cuts cuts = new Cuts();
    private final ErrorEncoder errors = new ErrorEncoder(cuts);
    private final ValueEncoder values = new ValueEncoder(errors, cuts, scratch);
    private final EncodedStrings encoded = new EncodedStrings();
    // Writes, at the root and straight into `out`, each value that needs escaping or nesting.
    private JsonGenerator gen;

    // The date and time to the second of the last event, kept in `time` (it changes once a second).
    private long timeSecond;
    private int timeSecondEnd = -1;

    private boolean busy;
    // Set while an event is encoded, cleared when its line is complete: still set at the next
    // encode, it says the last one ended early and the reused parts may be mid-way.
    private boolean dirty;

    /** A writer with its own generator and buffer. */
    public EventJsonWriter() {
        gen = newGenerator();
    }

    /**
     * Encodes {@code event} as one line, {@code '\n'} included, into this writer's buffer.
     *
     * @return the length of the line: the valid bytes are {@code buffer()[0 .. length)}
     * @throws IllegalStateException when called again while this writer is encoding
     */
    public int encode(Event event) {
        enter();
        try {
            return encodeLine(event);
        } finally {
            busy = false;
        }
    }

    /**
     * Encodes {@code event} and writes the line to {@code target} in one {@code write} call,
     * so lines written by different threads to a shared stream never interleave. The writer
     * stays {@linkplain #isBusy() busy} until the write returns, so its buffer cannot be
     * overwritten by a re-entrant call.
     *
     * @return the number of bytes written
     */
    public int write(Event event, OutputStream target) throws IOException {
        enter();
        try {
            int length = encodeLine(event);
            target.write(out.array(), 0, length);
            return length;
        } finally {
            busy = false;
        }
    }

    /**
     * The buffer holding the last encoded line; owned by this writer, valid until the next
     * encode. Encoding may replace the array, so fetch it after {@link #encode}, not before.
     */
    public byte[] buffer() {
        return out.array();
    }

    /** The length of the last encoded line, {@code '\n'} included. */
    public int length() {
        return out.size();
    }

    /** Encodes {@code event} and returns the line as a string, {@code '\n'} included. */
    public String encodeToString(Event event) {
        int length = encode(event);
        return new String(out.array(), 0, length, StandardCharsets.UTF_8);
    }

    /** True while this writer is encoding or writing an event. */
    public boolean isBusy() {
        return busy;
    }

    private void enter() {
        if (busy) {
            throw new IllegalStateException(
                    "EventJsonWriter re-entered while encoding an event; use another instance on this path");
        }
        busy = true;
    }

    private int encodeLine(Event event) {
        if (dirty) {
            reset();
        }
        dirty = true;
        out.reset();
        try {
            writeEvent(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the target is an in-memory buffer
        }
        dirty = false;
        return out.size();
    }

    /** Rebuilds every part an encode reuses, whatever state a failure left it in. */
    private void reset() {
        gen = newGenerator();
        out.reset();
        encoded.clear();
        values.reset();
        errors.reset();
        cuts.take();
        timeSecondEnd = -1;
    }

    /**
     * The object's layout (braces, keys, commas) and the scalars that need no escaping are
     * written here as bytes; strings that are not cached and every nested value go through
     * jackson, one root value at a time, so that its escaping and value encoding apply
     * unchanged while its per-token bookkeeping is spent only where it is needed.
     */
    private void writeEvent(Event e) throws IOException {
        ByteBuf o = out;
        o.limit(FIELDS_LIMIT);
        o.write(TIME);
        writeTime(e.epochMicros());
        o.write(SEQ);
        o.writeLong(e.sequence());
        o.write(SIGNAL);
        int truncated = ownString(e.signal().name());
        o.write(SEVERITY);
        o.write(SEVERITIES[e.severity().ordinal()]);
        o.write(MESSAGE);
        truncated += ownString(e.message());
        o.write(THREAD);
        truncated += ownString(e.thread());
        if (e.traceId() != null) {
            o.write(TRACE_ID);
            truncated += ownString(e.traceId());
        }
        if (e.spanId() != null) {
            o.write(SPAN_ID);
            truncated += ownString(e.spanId());
        }
        // The event's own strings are bounded, so they always fit; fields may not.
        int n = e.fieldCount();
        boolean repeats = e.hasRepeatedKeys();
        for (int i = 0; i < n; i++) {
            if (repeats && e.isShadowed(i)) {
                continue; // a later field with the same key wins
            }
            Field f = e.field(i);
            int start = o.size();
            try {
                writeField(e, f);
            } catch (Throwable failure) {
                if (Unwritable.isFatal(failure)) {
                    throw failure; // the event fails; the next encode starts clean
                }
                // The generator may be mid-value: drop what it wrote and start it over.
                rollBack(start);
                if (failure instanceof ByteBuf.Full || !writeUnwritable(e, f, failure, start)) {
                    truncated += fieldsFrom(e, i);
                    break; // the line is full: this field and the ones after it are left out
                }
            }
            if (cuts.take()) {
                truncated++;
            }
        }
        o.limit(Limits.MAX_LINE_BYTES);
        if (truncated > 0) {
            o.write(TRUNCATED);
            o.writeLong(truncated);
        }
        o.write('}');
        o.write('\n');
    }

    /** One of the event's own strings; 1 when it was cut, else 0. */
    private int ownString(String s) throws IOException {
        string(s);
        return cuts.take() ? 1 : 0;
    }

    private void writeField(Event e, Field f) throws IOException {
        out.write(',');
        writeKey(e, f.key());
        out.write(':');
        writeValue(f);
    }

    /** The field with its failure's text as value; false when even that does not fit the line. */
    private boolean writeUnwritable(Event e, Field f, Throwable failure, int start) throws IOException {
        try {
            out.write(',');
            writeKey(e, f.key());
            out.write(':');
            string(Unwritable.text(failure));
            return true;
        } catch (ByteBuf.Full full) {
            rollBack(start);
            return false;
        }
    }

    private void rollBack(int length) {
        out.truncate(length);
        gen = newGenerator();
        values.reset();
        errors.reset();
        cuts.take();
    }

    /** How many fields from {@code i} on would have been written. */
    private static int fieldsFrom(Event e, int i) {
        int count = 0;
        boolean repeats = e.hasRepeatedKeys();
        for (int n = e.fieldCount(); i < n; i++) {
            if (!repeats || !e.isShadowed(i)) {
                count++;
            }
        }
        return count;
    }

    /** The time, without its opening quote (part of {@link #TIME}): digits and separators, nothing to escape. */
    private void writeTime(long epochMicros) {
        long second = Math.floorDiv(epochMicros, 1_000_000L);
        if (timeSecondEnd < 0 || second != timeSecond) {
            timeSecondEnd = Rfc3339.formatSecond(second, time, 0);
            timeSecond = second;
        }
        int end = Rfc3339.formatFraction((int) Math.floorMod(epochMicros, 1_000_000L), time, timeSecondEnd);
        out.writeAscii(time, 0, end);
    }

    /** A string value or key: its cached text when it is a repeated one, else through jackson. */
    private void string(String s) throws IOException {
        if (s == null) {
            out.write(NULL);
            return;
        }
        byte[] cached = encoded.quoted(s);
        if (cached != null) {
            out.write(cached);
        } else {
            JsonScalars.string(gen, cuts.string(s));
            gen.flush();
        }
    }

    private void writeKey(Event e, String key) throws IOException {
        String renamed = ReservedKeys.underscored(key);
        if (renamed == null) {
            string(key);
            return;
        }
        // Keep the renamed key unique among the event's own keys too (a field "_message" may exist).
        while (hasKey(e, renamed)) {
            renamed = "_" + renamed;
        }
        string(renamed);
    }

    private static boolean hasKey(Event e, String key) {
        for (int i = 0, n = e.fieldCount(); i < n; i++) {
            if (e.field(i).key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private void writeValue(Field f) throws IOException {
        switch (f.type()) {
            case STRING:
                string(f.stringValue());
                return;
            case LONG:
                out.writeLong(f.longValue());
                return;
            case DOUBLE:
                writeDouble(f.doubleValue());
                return;
            case BOOLEAN:
                out.write(f.booleanValue() ? TRUE : FALSE);
                return;
            case SECRET:
                out.write(SECRET_TEXT); // the clear value is never read here
                return;
            default:
                break;
        }
        JsonGenerator g = gen;
        switch (f.type()) {
            case DURATION:
                JsonScalars.duration(g, f.durationValue(), scratch);
                break;
            case INSTANT:
                JsonScalars.instant(g, f.instantValue(), scratch);
                break;
            case ERROR:
                Throwable t = f.errorValue();
                if (t == null) {
                    g.writeNull();
                } else {
                    errors.write(g, t);
                }
                break;
            case VALUE:
            default:
                values.write(g, f.value());
                break;
        }
        g.flush();
    }

    private void writeDouble(double d) throws IOException {
        int end = PlainDoubles.format(d, scratch, 0);
        if (end >= 0) {
            out.writeAscii(scratch, 0, end);
        } else {
            JsonScalars.number(gen, d);
            gen.flush();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] severityNames() {
        Severity[] all = Severity.values();
        byte[][] names = new byte[all.length][];
        for (Severity s : all) {
            names[s.ordinal()] = ascii('"' + s.name() + '"');
        }
        return names;
    }

    private JsonGenerator newGenerator() {
        try {
            return JsonFactories.LINE.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the target is an in-memory buffer
        }
    }
}
