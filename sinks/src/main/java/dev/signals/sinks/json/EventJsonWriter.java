package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes events as lines of JSON (the Event JSON format of {@code docs/format.md}): one
 * object, UTF-8, ending with {@code '\n'}, that no field value can break in two.
 *
 * <p>Built for the hot path: one jackson-core generator and one byte buffer live as long as
 * the writer, so encoding an event allocates nothing beyond what its values force (a double's
 * digits, a stack trace, a map's entries).
 *
 * <p><b>Ownership.</b> A writer is not thread-safe: give each thread or each sink its own, or
 * guard it with a lock. The bytes of {@link #buffer()} belong to the writer and are valid until
 * its next {@code encode}. A writer refuses to be re-entered (a value whose {@code toString}
 * emits an event to the same writer on the same thread): {@link #isBusy()} tells a sink when
 * to use another instance.
 *
 * <p><b>Failures.</b> A field whose value cannot be written (its {@code toString}, accessor or
 * iterator throws) is written as the string {@code "<unwritable: ExceptionClass>"}; the rest
 * of the event is kept.
 */
public final class EventJsonWriter {

    private static final int INITIAL_CAPACITY = 1_024;
    // A buffer grown past this by one huge event is dropped when the next event starts.
    private static final int MAX_RETAINED_CAPACITY = 1 << 20;

    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString SIGNAL = new SerializedString("signal");
    private static final SerializedString SEVERITY = new SerializedString("severity");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString THREAD = new SerializedString("thread");
    private static final SerializedString TRACE_ID = new SerializedString("trace_id");
    private static final SerializedString SPAN_ID = new SerializedString("span_id");
    private static final SerializedString SECRET_TEXT = new SerializedString("***");
    private static final SerializedString[] SEVERITIES = severityNames();

    private final ByteBuf out = new ByteBuf(INITIAL_CAPACITY, MAX_RETAINED_CAPACITY);
    private final char[] scratch = new char[JsonScalars.SCRATCH_LENGTH];
    private final char[] time = new char[Rfc3339.MAX_LENGTH];
    private final byte[] timeBytes = new byte[Rfc3339.MAX_LENGTH];
    private final ErrorEncoder errors = new ErrorEncoder();
    private final ValueEncoder values = new ValueEncoder(errors, scratch);
    private final EncodedStrings encoded = new EncodedStrings();
    private JsonGenerator gen;

    // The date and time to the second of the last event, kept in `time` and `timeBytes` (it changes once a second).
    private long timeSecond;
    private int timeSecondEnd = -1;

    private boolean busy;
    private int currentField = -1;
    // Set only after a field failed: what went wrong per field index, for the fallback text.
    private Throwable[] failures;

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

    /** Writes the last encoded line to {@code target} in one {@code write} call. */
    public void writeTo(OutputStream target) throws IOException {
        target.write(out.array(), 0, out.size());
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

    /** A copy of the last encoded line. */
    public byte[] toByteArray() {
        return Arrays.copyOf(out.array(), out.size());
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
        failures = null;
        for (;;) {
            out.reset();
            currentField = -1;
            try {
                writeEvent(event);
                gen.flush();
                out.write('\n');
                return out.size();
            } catch (IOException | RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
                // The generator is mid-object: start over with a fresh one.
                gen = newGenerator();
                int failed = currentField;
                if (failed < 0 || (failures != null && failures[failed] != null)) {
                    throw e instanceof IOException ? new UncheckedIOException((IOException) e) : rethrowable(e);
                }
                if (failures == null) {
                    failures = new Throwable[event.fieldCount()];
                }
                failures[failed] = e; // and encode the event again with that field as a fallback string
            } finally {
                currentField = -1;
            }
        }
    }

    private static RuntimeException rethrowable(Throwable e) {
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        throw (Error) e;
    }

    private void writeEvent(Event e) throws IOException {
        JsonGenerator g = gen;
        g.writeStartObject();
        g.writeFieldName(TIME);
        writeTime(e.epochMicros());
        g.writeFieldName(SEQ);
        g.writeNumber(e.sequence());
        g.writeFieldName(SIGNAL);
        string(e.signal().name());
        g.writeFieldName(SEVERITY);
        g.writeString(SEVERITIES[e.severity().ordinal()]);
        g.writeFieldName(MESSAGE);
        string(e.message());
        g.writeFieldName(THREAD);
        string(e.thread());
        if (e.traceId() != null) {
            g.writeFieldName(TRACE_ID);
            JsonScalars.string(g, e.traceId());
        }
        if (e.spanId() != null) {
            g.writeFieldName(SPAN_ID);
            JsonScalars.string(g, e.spanId());
        }
        int n = e.fieldCount();
        boolean repeats = e.hasRepeatedKeys();
        for (int i = 0; i < n; i++) {
            if (repeats && e.isShadowed(i)) {
                continue; // a later field with the same key wins
            }
            currentField = i;
            Field f = e.field(i);
            writeKey(e, f.key());
            if (failures != null && failures[i] != null) {
                g.writeString("<unwritable: " + failures[i].getClass().getName() + ">");
            } else {
                writeValue(f);
            }
        }
        currentField = -1;
        g.writeEndObject();
    }

    private void writeTime(long epochMicros) throws IOException {
        long second = Math.floorDiv(epochMicros, 1_000_000L);
        if (timeSecondEnd < 0 || second != timeSecond) {
            timeSecondEnd = Rfc3339.formatSecond(second, time, 0);
            timeSecond = second;
            ascii(time, 0, timeSecondEnd, timeBytes);
        }
        int end = Rfc3339.formatFraction((int) Math.floorMod(epochMicros, 1_000_000L), time, timeSecondEnd);
        ascii(time, timeSecondEnd, end, timeBytes);
        // Digits, '-', ':', 'T', '.', 'Z': nothing to escape, so the bytes go out as they are.
        gen.writeRawUTF8String(timeBytes, 0, end);
    }

    private static void ascii(char[] from, int start, int end, byte[] to) {
        for (int i = start; i < end; i++) {
            to[i] = (byte) from[i];
        }
    }

    /** A string value, from {@link #encoded} when it is a repeated one. */
    private void string(String s) throws IOException {
        SerializableString cached = s == null ? null : encoded.find(s);
        if (cached != null) {
            gen.writeString(cached);
        } else {
            JsonScalars.string(gen, s);
        }
    }

    private void writeKey(Event e, String key) throws IOException {
        String renamed = ReservedKeys.underscored(key);
        if (renamed == null) {
            SerializableString cached = encoded.find(key);
            if (cached != null) {
                gen.writeFieldName(cached);
            } else {
                JsonScalars.key(gen, key);
            }
            return;
        }
        // Keep the renamed key unique among the event's own keys too (a field "_message" may exist).
        while (hasKey(e, renamed)) {
            renamed = "_" + renamed;
        }
        gen.writeFieldName(renamed);
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
        JsonGenerator g = gen;
        switch (f.type()) {
            case STRING:
                string(f.stringValue());
                break;
            case LONG:
                g.writeNumber(f.longValue());
                break;
            case DOUBLE:
                JsonScalars.number(g, f.doubleValue(), scratch);
                break;
            case BOOLEAN:
                g.writeBoolean(f.booleanValue());
                break;
            case DURATION:
                JsonScalars.duration(g, f.durationValue(), scratch);
                break;
            case INSTANT:
                JsonScalars.instant(g, f.instantValue(), scratch);
                break;
            case SECRET:
                g.writeString(SECRET_TEXT); // the clear value is never read here
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
    }

    private static SerializedString[] severityNames() {
        Severity[] all = Severity.values();
        SerializedString[] names = new SerializedString[all.length];
        for (Severity s : all) {
            names[s.ordinal()] = new SerializedString(s.name());
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
