package dev.signals.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.signals.Event;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.timetravel.TimeTravelSink;
import dev.signals.sinks.timetravel.Window;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/events}: Server-Sent Events, one per matching event ({@code id:} its
 * {@code seq}, {@code data:} its Event JSON line). The filter runs on the emitting thread;
 * this thread only encodes and writes, so a slow client costs emitters nothing: its ring
 * loses the oldest events and the client is told how many in an {@code event: lost} message.
 *
 * <p>A client that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) first
 * gets the matching events after that id from the buffer, then the live stream; when the
 * buffer no longer reaches back that far, or there is none, an {@code event: gap} says so.
 */
final class EventStreamHandler implements HttpHandler {

    private static final long KEEPALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final byte[] PREAMBLE = ascii("retry: 2000\n\n");
    private static final byte[] KEEPALIVE = ascii(": keepalive\n\n");
    private static final byte[] ID = ascii("id: ");
    private static final byte[] DATA = ascii("\ndata: ");

    private final Subscribers subscribers;
    private final TimeTravelSink buffer;

    EventStreamHandler(Subscribers subscribers, TimeTravelSink buffer) {
        this.subscribers = subscribers;
        this.buffer = buffer;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!Methods.allow(ex, "GET")) {
            return;
        }
        QueryString query = QueryString.of(ex.getRequestURI());
        LiveFilter filter = LiveFilter.of(query);
        Long resumeAfter = lastEventId(ex, query);
        Subscriber s = subscribers.join(filter);
        if (s == null) {
            Responses.error(ex, 503, "the live sink serves at most " + subscribers.max() + " streams at once");
            return;
        }
        try {
            ex.getResponseHeaders().set("X-Accel-Buffering", "no"); // a proxy in front must not hold events back
            OutputStream out = new BufferedOutputStream(Responses.stream(ex, "text/event-stream; charset=utf-8"), 16 * 1_024);
            out.write(PREAMBLE);
            EventJsonWriter json = new EventJsonWriter();
            long replayedUpTo = resumeAfter == null ? -1 : replay(out, json, filter, resumeAfter);
            out.flush();
            stream(s, out, json, replayedUpTo);
        } finally {
            subscribers.leave(s);
        }
    }

    private void stream(Subscriber s, OutputStream out, EventJsonWriter json, long replayedUpTo) throws IOException {
        long announced = 0;
        boolean unflushed = false;
        long lastWrite = System.nanoTime();
        while (!s.isClosed()) {
            Event e = unflushed ? s.poll() : s.next(KEEPALIVE_NANOS);
            long skipped = s.skipped();
            if (skipped > announced) {
                write(out, "event: lost\ndata: {\"lost\":" + (skipped - announced) + ",\"total\":" + skipped + "}\n\n");
                announced = skipped;
                unflushed = true;
            }
            if (e == null) {
                if (unflushed) {
                    out.flush();
                    unflushed = false;
                } else if (System.nanoTime() - lastWrite >= KEEPALIVE_NANOS) {
                    out.write(KEEPALIVE);
                    out.flush();
                    lastWrite = System.nanoTime();
                }
                continue;
            }
            if (e.sequence() > replayedUpTo) {
                writeEvent(out, json, e);
                unflushed = true;
                lastWrite = System.nanoTime();
            }
        }
        out.flush();
    }

    /** Writes the buffer's matching events after {@code after}; returns the last sequence the copy covered. */
    private long replay(OutputStream out, EventJsonWriter json, LiveFilter filter, long after) throws IOException {
        if (buffer == null) {
            write(out, "event: gap\ndata: {\"after\":" + after + ",\"replayed\":false,"
                    + "\"why\":\"the live sink has no buffer to replay from\"}\n\n");
            return -1;
        }
        Window window = buffer.copy();
        List<Event> events = window.events();
        long oldest = events.isEmpty() ? -1 : events.get(0).sequence();
        if (window.lostBeforeWindow() > 0 && oldest > after + 1) {
            // Sequence numbers count every event of the process, routed here or not: an upper bound.
            write(out, "event: gap\ndata: {\"after\":" + after + ",\"replayed\":true,\"goneAtMost\":"
                    + (oldest - after - 1) + ",\"oldestKept\":" + oldest + "}\n\n");
        }
        long last = -1;
        for (Event e : events) {
            last = e.sequence();
            if (e.sequence() > after && filter.test(e)) {
                writeEvent(out, json, e);
            }
        }
        return last;
    }

    private static void writeEvent(OutputStream out, EventJsonWriter json, Event e) throws IOException {
        int length = json.encode(e); // ends with '\n': the blank line after it ends the message
        out.write(ID);
        write(out, Long.toString(e.sequence()));
        out.write(DATA);
        out.write(json.buffer(), 0, length);
        out.write('\n');
    }

    private static Long lastEventId(HttpExchange ex, QueryString query) {
        String id = ex.getRequestHeaders().getFirst("Last-Event-ID");
        if (id == null || id.isBlank()) {
            id = query.get("lastEventId");
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("Last-Event-ID must be an event's seq, was '" + id + "'");
        }
    }

    private static void write(OutputStream out, String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
