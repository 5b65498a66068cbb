package dev.signals.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.signals.Event;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code GET /api/events/recent}: the last {@code last} (default {@value #DEFAULT_LAST})
 * events of the buffer that pass the request's filters, oldest first, as JSON lines.
 */
final class RecentHandler implements HttpHandler {

    static final int DEFAULT_LAST = 100;

    private final TimeTravelSink buffer;

    RecentHandler(TimeTravelSink buffer) {
        this.buffer = buffer;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!Methods.allow(ex, "GET")) {
            return;
        }
        QueryString query = QueryString.of(ex.getRequestURI());
        LiveFilter filter = LiveFilter.of(query);
        int last = query.intValue("last", DEFAULT_LAST, 1, TimeTravelSink.MAX_CAPACITY);
        if (buffer == null) {
            Responses.error(ex, 404, "the live sink has no buffer: set its \"buffer\" option to a time-travel sink");
            return;
        }
        List<Event> events = buffer.copy().events();
        int from = events.size();
        for (int kept = 0; from > 0 && kept < last; ) {
            if (filter.test(events.get(--from))) {
                kept++;
            }
        }
        EventJsonWriter json = new EventJsonWriter();
        try (OutputStream out = new BufferedOutputStream(Responses.stream(ex, "application/x-ndjson; charset=utf-8"), 64 * 1_024)) {
            for (int i = from; i < events.size(); i++) {
                Event e = events.get(i);
                if (filter.test(e)) {
                    json.write(e, out);
                }
            }
        }
    }
}
