package dev.signals.sinks.file;

import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.router.Router;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A file sink routed for fault tests: sync or async, a breaker open for 0 ms (each event during
 * an outage probes the file, so recovery shows at the first event after the fault), a fallback,
 * and an observer of the router's own reports.
 */
final class FaultRouting {

    private FaultRouting() {
    }

    /** Routes {@code pattern} to a new file sink at {@code active}; returns the sink. */
    static Sink route(Router router, String pattern, Path active, Clock clock, boolean async, Sink fallback,
                      Sink observer) {
        FileSink.Builder builder = FileSink.builder(active).clock(clock);
        Sink sink = async ? builder.buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES) : builder.build();
        DeliveryPolicy.Builder policy = DeliveryPolicy.builder().circuitBreaker(2, Duration.ZERO).fallback(fallback);
        if (async) {
            policy.async(4_096, Overflow.BLOCK);
        }
        router.route(pattern, Severity.TRACE, sink, policy.build());
        router.route("SINK_*", observer);
        return sink;
    }

    /** The router's figures of the (one) file sink routed. */
    static SinkStats fileStats(Router router) {
        return router.stats().sinks().entrySet().stream().filter(e -> e.getKey().contains("FileSink#"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    /** The sink's own figures. */
    static FileSinkStats own(Sink sink) {
        return sink instanceof FileSink ? ((FileSink) sink).stats() : ((BufferedFileSink) sink).stats();
    }
}
