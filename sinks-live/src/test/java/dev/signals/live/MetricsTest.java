package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.RouterStats;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.Figure;
import dev.signals.router.spi.OwnFigures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics}, parsed back, holds exactly {@code Router.stats()}: per sink routed,
 * delivered, diverted, dropped by reason, failures, pending, queue depth and capacity, breaker
 * state, and what a sink reports of itself (its {@link Figure}s); with a failing sink behind a
 * breaker, a stuck asynchronous sink whose queue overflows, and a sink with figures of its own.
 */
class MetricsTest {

    static final Signal METRIC = Signal.of("METRIC_EVENT", Severity.INFO);
    static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(?:\\{(.*)})? (\\S+)");
    static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path snapshots;

    @Test
    void metricsEqualTheRouterFigures() throws Exception {
        URI url = LiveFixture.start(snapshots, 1_000, "", "TRACE");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Router.global().route("METRIC_*").named("flaky").circuitBreaker(3, Duration.ofHours(1)).to(e -> {
            throw new IllegalStateException("down");
        });
        Router.global().route("METRIC_*").named("stuck").async(4, Overflow.DROP_NEWEST).to(e -> {
            entered.countDown();
            release.await();
        });
        AtomicLong taken = new AtomicLong();
        Router.global().route("METRIC_*").named("reporting").to(new ReportingSink(taken));
        try {
            for (int i = 0; i < 20; i++) {
                Signals.emit(METRIC, "m" + i);
            }
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            Map<String, Double> metrics;
            RouterStats stats;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            do { // failure reports may still be on their way: compare once the figures hold still
                RouterStats before = Router.global().stats();
                metrics = scrape(url);
                stats = Router.global().stats();
                if (before.equals(stats)) {
                    break;
                }
            } while (System.nanoTime() < deadline);

            for (SinkStats s : stats.sinks().values()) {
                String sink = "sink=" + s.name();
                assertEquals(s.routed(), value(metrics, "signals_sink_routed_total", sink), s.name());
                assertEquals(s.delivered(), value(metrics, "signals_sink_delivered_total", sink), s.name());
                assertEquals(s.diverted(), value(metrics, "signals_sink_diverted_total", sink), s.name());
                assertEquals(s.failures(), value(metrics, "signals_sink_failures_total", sink), s.name());
                assertEquals(s.pending(), value(metrics, "signals_sink_pending", sink), s.name());
                assertEquals(s.queueDepth(), value(metrics, "signals_sink_queue_depth", sink), s.name());
                assertEquals(s.queueCapacity(), value(metrics, "signals_sink_queue_capacity", sink));
                for (DropReason r : DropReason.values()) {
                    assertEquals(s.dropped(r), value(metrics, "signals_sink_dropped_total", "reason=" + r.name() + "," + sink),
                            s.name() + " " + r);
                }
                assertEquals(1, value(metrics, "signals_sink_circuit_state", sink + ",state=" + s.circuit()), s.name());
                for (Figure f : s.figures()) {
                    if (f.name().startsWith("sink_")) {
                        continue; // named like a metric every sink has: left out (below)
                    }
                    Map<String, String> labels = new TreeMap<>(f.labels());
                    labels.put("sink", s.name());
                    String name = "signals_" + f.name() + (f.kind() == Figure.Kind.COUNTER ? "_total" : "");
                    assertEquals(f.value(), value(metrics, name, labels.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))), s.name() + " " + f);
                }
            }
            SinkStats reporting = stats.sink("reporting");
            assertEquals(20, reporting.figure("test_taken").orElseThrow());
            assertEquals(20, value(metrics, "signals_test_taken_total", "sink=reporting"));
            assertEquals(3, value(metrics, "signals_test_lost_total", "cause=disk,sink=reporting"));
            assertEquals(4096, value(metrics, "signals_test_held_bytes", "sink=reporting"));
            assertTrue(!metrics.containsKey("signals_sink_routed_total{cause=x,sink=reporting}"),
                    "a figure named like a metric every sink has is left out: " + metrics.keySet());
            assertEquals(20, value(metrics, "signals_sink_routed_total", "sink=reporting"));
            SinkStats flaky = stats.sink("flaky");
            assertEquals(3, flaky.failures());
            assertEquals("OPEN", flaky.circuit());
            assertTrue(flaky.dropped(DropReason.CIRCUIT_OPEN) > 0, flaky.toString());
            SinkStats stuck = stats.sink("stuck");
            // The worker may hold a few events it took before it blocked: the queue is full, or nearly.
            assertTrue(stuck.queueDepth() >= 1 && stuck.queueDepth() <= 4, "queued: " + stuck);
            assertEquals(4, value(metrics, "signals_sink_queue_capacity", "sink=stuck"));
            assertTrue(stuck.dropped(DropReason.OVERFLOW) > 0, stuck.toString());
            assertEquals(0, value(metrics, "signals_live_subscribers", ""));
            assertEquals(0, value(metrics, "signals_live_subscriber_dropped_total", ""));
            assertTrue(metrics.keySet().stream().noneMatch(k -> k.startsWith("signals_snapshots_written_total")),
                    "no snapshot written, no reason counted: " + metrics.keySet());
        } finally {
            release.countDown();
        }
    }

    /** A sink with figures of its own, one of them named like a metric every sink has. */
    record ReportingSink(AtomicLong taken) implements dev.signals.Sink, OwnFigures {
        @Override
        public void accept(dev.signals.Event event) {
            taken.incrementAndGet();
        }

        @Override
        public List<Figure> figures() {
            return List.of(Figure.counter("test_taken", "Events taken.", taken.get()),
                    Figure.counter("test_lost", "Events lost, by cause.", 3).label("cause", "disk"),
                    Figure.gauge("test_held_bytes", "Bytes held now.", 4096),
                    Figure.counter("sink_routed", "Named like a metric of every sink.", 99).label("cause", "x"));
        }
    }

    static long value(Map<String, Double> metrics, String name, String labels) {
        Double v = metrics.get(name + "{" + labels + "}");
        if (v == null) {
            throw new AssertionError("no sample " + name + "{" + labels + "} in " + metrics.keySet());
        }
        return v.longValue();
    }

    /** Samples by {@code name{label=value,…}}, labels sorted by name. */
    static Map<String, Double> scrape(URI url) throws Exception {
        HttpResponse<String> r = SseClient.HTTP.send(HttpRequest.newBuilder(url.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, Double> out = new TreeMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(m.group(1).startsWith("signals_"), line);
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            StringBuilder key = new StringBuilder(m.group(1)).append('{');
            labels.forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(k).append('=').append(v));
            out.put(key.append('}').toString(), Double.parseDouble(m.group(3)));
        }
        return out;
    }
}
