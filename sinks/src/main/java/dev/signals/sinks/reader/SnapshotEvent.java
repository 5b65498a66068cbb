package dev.signals.sinks.reader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.signals.Severity;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One event line of a snapshot: its text exactly as stored, and the keys the reader sorts and
 * filters on. The other fields are parsed on demand ({@link #fields()}), so that holding many
 * events costs little more than their text.
 */
public final class SnapshotEvent {

    private final String line;
    private final long seq;
    private final long timeMicros;
    private final String time;
    private final String signal;
    private final Severity severity;
    private final String thread;
    private final String traceId;
    private final SnapshotInfo source;

    private SnapshotEvent(String line, long seq, long timeMicros, String time, String signal, Severity severity,
                          String thread, String traceId, SnapshotInfo source) {
        this.line = line;
        this.seq = seq;
        this.timeMicros = timeMicros;
        this.time = time;
        this.signal = signal;
        this.severity = severity;
        this.thread = thread;
        this.traceId = traceId;
        this.source = source;
    }

    /**
     * Parses one Event JSON line (without its newline).
     *
     * @throws IOException saying what is wrong when the line is not a valid event
     */
    static SnapshotEvent parse(String line, SnapshotInfo source) throws IOException {
        Long seq = null;
        String time = null;
        String signal = null;
        String severity = null;
        String thread = null;
        String traceId = null;
        try (JsonParser p = JsonTree.JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the line is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new IOException("malformed JSON object");
                }
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "seq":
                        if (v != JsonToken.VALUE_NUMBER_INT) {
                            throw new IOException("\"seq\" is not an integer");
                        }
                        seq = p.getLongValue();
                        break;
                    case "time":
                        time = text(p, v, key);
                        break;
                    case "signal":
                        signal = text(p, v, key);
                        break;
                    case "severity":
                        severity = text(p, v, key);
                        break;
                    case "thread":
                        thread = text(p, v, key);
                        break;
                    case "trace_id":
                        traceId = text(p, v, key);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IOException("text after the JSON object");
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // jackson reports some malformed numbers this way
            throw new IOException("invalid JSON: " + e.getMessage(), e);
        }
        if (seq == null || time == null || signal == null || severity == null) {
            throw new IOException("not an event: it lacks " + (seq == null ? "\"seq\"" : time == null ? "\"time\""
                    : signal == null ? "\"signal\"" : "\"severity\""));
        }
        Severity sev;
        try {
            sev = Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown severity '" + severity + "'");
        }
        long micros;
        try {
            Instant instant = Instant.parse(time);
            micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IOException("\"time\" is not an RFC 3339 time: " + time);
        }
        return new SnapshotEvent(line, seq, micros, time, signal, sev, thread == null ? "" : thread, traceId, source);
    }

    private static String text(JsonParser p, JsonToken v, String key) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw new IOException("\"" + key + "\" is not a string");
        }
        return p.getText();
    }

    /** The line as stored, without its newline. */
    public String line() {
        return line;
    }

    public long seq() {
        return seq;
    }

    /** {@code time} in microseconds since the epoch. */
    public long timeMicros() {
        return timeMicros;
    }

    /** {@code time} as written. */
    public String time() {
        return time;
    }

    public String signal() {
        return signal;
    }

    public Severity severity() {
        return severity;
    }

    public String thread() {
        return thread;
    }

    /** {@code trace_id}, or {@code null}. */
    public String traceId() {
        return traceId;
    }

    /** The header of the file the event came from. */
    public SnapshotInfo source() {
        return source;
    }

    /** Every key of the line, parsed now (not kept). */
    public Map<String, Object> fields() {
        try {
            return JsonTree.parseObject(line);
        } catch (IOException e) {
            throw new IllegalStateException("a line that parsed once no longer parses", e);
        }
    }
}
