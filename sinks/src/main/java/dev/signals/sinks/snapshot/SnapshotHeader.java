package dev.signals.sinks.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.signals.Event;
import dev.signals.sinks.json.Rfc3339;
import dev.signals.sinks.json.Utf16;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The first line of a snapshot file: one JSON object that says what the file holds. See
 * {@code docs/time-travel.md} for the meaning of each key.
 *
 * <pre>{@code
 * {"format":"signals-snapshot/1","reason":"PAYMENT_FAILED","created":"2026-11-23T03:21:41.123456Z",
 *  "pid":4242,"host":"web-1","service":"orders","capacity":100000,"events":5321,"received":5321,
 *  "lost_before_window":0,"missed":0,"first_seq":1,"last_seq":5321,
 *  "trigger":{"kind":"signal","seq":5321,"signal":"PAYMENT_FAILED","severity":"ERROR","time":"..."},
 *  "open_spans":[{"name":"charge_card","trace_id":"...","span_id":"...","parent_span_id":null,
 *  "thread":"http-7","start":"...","elapsed_ms":1520}],"open_spans_dropped":0}
 * }</pre>
 */
public final class SnapshotHeader {

    /** The value of {@code "format"}: the name and version of this file layout. */
    public static final String FORMAT = "signals-snapshot/1";

    /** The longest reason written in a header; longer ones are cut. */
    static final int MAX_REASON = 256;

    // Non-ASCII escaped: header strings (reason, host, service) come from anywhere, and the
    // line must stay one valid line whatever they hold (control characters are always escaped).
    private static final JsonFactory JSON = JsonFactory.builder()
            // No ThreadLocal buffer pool: a pooled thread would keep an undeployed application loaded.
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private SnapshotHeader() {
    }

    /** The header line of {@code request}, {@code '\n'} included. */
    static byte[] encode(SnapshotRequest request, List<Event> events, String host, String service) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("reason", text(request.reason(), MAX_REASON));
            g.writeStringField("created", Rfc3339.format(request.created()));
            g.writeNumberField("pid", ProcessInfo.PID);
            g.writeStringField("host", text(host, MAX_REASON));
            g.writeStringField("service", text(service, MAX_REASON));
            g.writeNumberField("capacity", request.window().capacity());
            g.writeNumberField("events", events.size());
            g.writeNumberField("received", request.window().received());
            g.writeNumberField("lost_before_window", request.window().lostBeforeWindow());
            g.writeNumberField("missed", request.window().missed());
            if (events.isEmpty()) {
                g.writeNullField("first_seq");
                g.writeNullField("last_seq");
            } else {
                g.writeNumberField("first_seq", events.get(0).sequence());
                g.writeNumberField("last_seq", events.get(events.size() - 1).sequence());
            }
            g.writeObjectFieldStart("trigger");
            g.writeStringField("kind", request.kind().text());
            Event trigger = request.trigger();
            if (trigger != null) {
                g.writeNumberField("seq", trigger.sequence());
                g.writeStringField("signal", trigger.signal().name());
                g.writeStringField("severity", trigger.severity().name());
                g.writeStringField("time", Rfc3339.formatMicros(trigger.epochMicros()));
                g.writeStringField("thread", text(trigger.thread(), MAX_REASON));
            }
            g.writeEndObject();
            writeOpenSpans(g, request);
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void writeOpenSpans(JsonGenerator g, SnapshotRequest request) throws IOException {
        g.writeArrayFieldStart("open_spans");
        for (OpenSpan s : request.openSpans()) {
            g.writeStartObject();
            g.writeStringField("name", text(s.name(), MAX_REASON));
            g.writeStringField("trace_id", s.traceId());
            g.writeStringField("span_id", s.spanId());
            if (s.parentSpanId() == null) {
                g.writeNullField("parent_span_id");
            } else {
                g.writeStringField("parent_span_id", s.parentSpanId());
            }
            g.writeStringField("thread", text(s.thread(), MAX_REASON));
            g.writeStringField("start", Rfc3339.formatMicros(s.startMicros()));
            g.writeNumberField("elapsed_ms", s.elapsedMs());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("open_spans_dropped", request.openSpansNotListed());
    }

    private static String text(String s, int max) {
        if (s == null) {
            return "";
        }
        String cut = s.length() <= max ? s : s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
        return Utf16.clean(cut);
    }
}
