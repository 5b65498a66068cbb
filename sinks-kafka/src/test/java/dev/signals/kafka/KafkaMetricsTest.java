package dev.signals.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.router.Router;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.Figure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configured kafka sink's figures are in {@code Router.stats()} and the live sink's
 * {@code /metrics} gives exactly them; a reload that replaces the sink on the same spool
 * counts nothing twice. No broker is needed: the spool has figures of its own.
 */
class KafkaMetricsTest {

    static final List<String> COUNTERS = List.of("kafka_spooled", "kafka_sent", "kafka_acknowledged", "kafka_replayed",
            "kafka_send_failures", "kafka_damaged_bytes");

    @TempDir
    Path dir;

    private String config(String topic) {
        return "{ \"sinks\": {"
                + " \"events\": { \"type\": \"kafka\", \"bootstrapServers\": \"" + SpoolTest.NO_BROKER + "\","
                + "   \"topic\": \"" + topic + "\", \"spool\": { \"directory\": \""
                + dir.resolve("spool").toString().replace("\\", "\\\\") + "\","
                + "   \"maxBytes\": 131072, \"whenFull\": \"dropNewest\" } },"
                + " \"live\": { \"type\": \"live\", \"port\": 0 } },"
                + " \"routes\": [ { \"signals\": [\"ORDER_*\"], \"sinks\": [\"events\"] } ] }";
    }

    @Test
    void metricsGiveTheKafkaFiguresOfRouterStatsAndAReloadCountsNothingTwice() throws Exception {
        List<Event> started = new CopyOnWriteArrayList<>();
        Router.global().route("LIVE_STARTED", started::add);
        Router.global().configure(config("events"), "kafka-metrics.json");
        URI url = URI.create(started.get(0).field("url").stringValue());
        int count = 2_000; // more than 128 KiB: some find the spool full
        for (int i = 0; i < count; i++) {
            Router.global().dispatch(TestEvents.numbered(i, 7));
        }
        SinkStats events = figuresAsScraped(url);
        long spooled = events.figure("kafka_spooled").orElseThrow();
        long full = events.figure("kafka_dropped", "reason", "SPOOL_FULL").orElseThrow();
        assertTrue(full > 0, "some events found the spool full");
        assertEquals(count, spooled + full, "every event spooled or counted");
        assertEquals(spooled, events.figure("kafka_spool_records").orElseThrow());
        assertTrue(events.figure("kafka_spool_bytes").orElseThrow() > 100_000, events.toString());
        assertEquals(0, events.figure("kafka_acknowledged").orElseThrow());

        // A new sink on the same spool takes over: the old one reports nothing more, so the
        // figures the router adds up under "events" are the spool's, once.
        Router.global().configure(config("events2"), "kafka-metrics.json");
        Router.global().dispatch(TestEvents.numbered(count, 7));
        SinkStats after = figuresAsScraped(url); // the live sink, unchanged, is kept
        assertEquals(spooled, after.figure("kafka_spooled").orElseThrow());
        assertEquals(full + 1, after.figure("kafka_dropped", "reason", "SPOOL_FULL").orElseThrow());
        assertEquals(spooled, after.figure("kafka_spool_records").orElseThrow());
        Router.global().close();
    }

    /**
     * Scrapes {@code /metrics} until the figures hold still (the sender may count a failed send
     * meanwhile), checks that it gives every kafka figure of the sink {@code events} as
     * {@code Router.stats()} does, and returns those figures.
     */
    private static SinkStats figuresAsScraped(URI url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            SinkStats before = Router.global().stats().sink("events");
            Map<String, Double> metrics = scrape(url);
            SinkStats stats = Router.global().stats().sink("events");
            if (!before.equals(stats)) {
                assertTrue(System.nanoTime() < deadline, "the figures never held still");
                continue;
            }
            for (String name : COUNTERS) {
                assertTrue(stats.figure(name).isPresent(), name + " in " + stats);
            }
            for (KafkaDropReason r : KafkaDropReason.values()) {
                assertTrue(stats.figure("kafka_dropped", "reason", r.name()).isPresent(), r + " in " + stats);
            }
            for (Figure f : stats.figures()) {
                Map<String, String> labels = new TreeMap<>(f.labels());
                labels.put("sink", "events");
                String sample = "signals_" + f.name() + (f.kind() == Figure.Kind.COUNTER ? "_total" : "")
                        + labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
                assertEquals((double) f.value(), metrics.get(sample), sample);
            }
            assertTrue(metrics.containsKey("signals_kafka_spool_bytes{sink=\"events\"}"), metrics.keySet().toString());
            return stats;
        }
    }

    /** Samples by their name and labels as written, labels in client_java's order (sorted). */
    private static Map<String, Double> scrape(URI url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        Map<String, Double> out = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return out;
    }
}
