package dev.signals.sinks.reader;

import dev.signals.sinks.snapshot.SnapshotHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The header line of a snapshot file, with the keys the reader uses; {@link #raw()} has them all.
 *
 * @param file the file it was read from
 * @param size the file's size in bytes
 * @param raw every key of the header
 */
public record SnapshotInfo(Path file, long size, Map<String, Object> raw) {

    /**
     * Checks and wraps a parsed header.
     *
     * @throws IOException when the line is not the header of a snapshot this reader understands
     */
    static SnapshotInfo of(Path file, long size, Map<String, Object> raw) throws IOException {
        Object format = raw.get("format");
        if (!(format instanceof String) || !((String) format).startsWith("signals-snapshot/")) {
            throw new IOException("the first line is not a snapshot header (no \"format\": \"signals-snapshot/…\")");
        }
        if (!SnapshotHeader.FORMAT.equals(format)) {
            throw new IOException("unsupported snapshot format '" + format + "'; this reader knows " + SnapshotHeader.FORMAT);
        }
        return new SnapshotInfo(file, size, raw);
    }

    public String format() {
        return string("format");
    }

    public String reason() {
        return string("reason");
    }

    /** {@code created} as written (RFC 3339). */
    public String created() {
        return string("created");
    }

    public long pid() {
        return number("pid");
    }

    public String host() {
        return string("host");
    }

    public String service() {
        return string("service");
    }

    public long capacity() {
        return number("capacity");
    }

    /** How many events the header says the file holds. */
    public long events() {
        return number("events");
    }

    public long lostBeforeWindow() {
        return number("lost_before_window");
    }

    /** What started the snapshot ({@code trigger.kind}), or an empty string. */
    public String triggerKind() {
        Object trigger = raw.get("trigger");
        if (trigger instanceof Map) {
            Object kind = ((Map<?, ?>) trigger).get("kind");
            return kind instanceof String ? (String) kind : "";
        }
        return "";
    }

    /**
     * The spans open when the snapshot was taken ({@code open_spans}), one line each:
     * name, trace and span ids, parent, thread, start and elapsed time; control characters made safe.
     */
    public List<String> openSpanLines() {
        List<String> out = new ArrayList<>();
        if (raw.get("open_spans") instanceof List<?> spans) {
            for (Object o : spans) {
                if (o instanceof Map<?, ?> span) {
                    StringBuilder sb = new StringBuilder();
                    SafeText.append(sb, text(span, "name"));
                    sb.append(" trace=");
                    SafeText.append(sb, text(span, "trace_id"));
                    sb.append(" span=");
                    SafeText.append(sb, text(span, "span_id"));
                    sb.append(" parent=");
                    SafeText.append(sb, span.get("parent_span_id") == null ? "-" : text(span, "parent_span_id"));
                    sb.append(" thread=");
                    SafeText.append(sb, text(span, "thread"));
                    sb.append(" start=");
                    SafeText.append(sb, text(span, "start"));
                    sb.append(" elapsed=");
                    SafeText.append(sb, text(span, "elapsed_ms"));
                    out.add(sb.append("ms").toString());
                }
            }
        }
        return out;
    }

    /** Spans open when the snapshot was taken that its header could not list ({@code open_spans_dropped}), or 0. */
    public long openSpansDropped() {
        return Math.max(0, number("open_spans_dropped"));
    }

    private static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v instanceof JsonTree.JsonNumber n ? n.text() : v == null ? "" : String.valueOf(v);
    }

    /** Identifies the process that wrote the file ({@code host/pid}), so that events in several snapshots of it can be shown once. */
    public String origin() {
        return host() + "/" + pid();
    }

    private String string(String key) {
        Object v = raw.get(key);
        return v instanceof String ? (String) v : "";
    }

    private long number(String key) {
        Object v = raw.get(key);
        if (v instanceof JsonTree.JsonNumber) {
            try {
                return Long.parseLong(((JsonTree.JsonNumber) v).text());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
