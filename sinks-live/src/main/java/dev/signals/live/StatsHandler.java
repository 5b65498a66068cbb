package dev.signals.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.signals.router.Router;
import dev.signals.router.RouterStats;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code GET /api/stats}: {@link Router#stats()} as JSON, with each sink's queue capacity,
 * and the live sink's own subscribers and their losses.
 */
final class StatsHandler implements HttpHandler {

    private final Supplier<Router> router;
    private final Subscribers subscribers;

    StatsHandler(Supplier<Router> router, Subscribers subscribers) {
        this.router = router;
        this.subscribers = subscribers;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!Methods.allow(ex, "GET")) {
            return;
        }
        Router r = router.get();
        RouterStats stats = r.stats();
        Responses.json(ex, 200, gen -> {
            gen.writeStartObject();
            gen.writeObjectFieldStart("sinks");
            for (SinkStats s : stats.sinks().values()) {
                gen.writeObjectFieldStart(s.name());
                writeSink(gen, s);
                gen.writeEndObject();
            }
            gen.writeEndObject();
            gen.writeNumberField("emittedAfterClose", stats.emittedAfterClose());
            gen.writeObjectFieldStart("live");
            gen.writeNumberField("subscribers", subscribers.count());
            gen.writeNumberField("maxSubscribers", subscribers.max());
            gen.writeNumberField("subscriberQueue", subscribers.queue());
            gen.writeNumberField("lost", subscribers.lost());
            gen.writeEndObject();
            gen.writeEndObject();
        });
    }

    private static void writeSink(JsonGenerator gen, SinkStats s) throws IOException {
        gen.writeNumberField("routed", s.routed());
        gen.writeNumberField("delivered", s.delivered());
        gen.writeNumberField("diverted", s.diverted());
        gen.writeNumberField("pending", s.pending());
        gen.writeNumberField("failures", s.failures());
        gen.writeNumberField("queueDepth", s.queueDepth());
        gen.writeNumberField("queueCapacity", s.queueCapacity());
        gen.writeStringField("circuit", s.circuit());
        gen.writeNumberField("droppedTotal", s.droppedTotal());
        gen.writeObjectFieldStart("dropped");
        for (DropReason reason : DropReason.values()) {
            gen.writeNumberField(reason.name(), s.dropped(reason));
        }
        gen.writeEndObject();
    }
}
