package dev.signals.live;

import dev.signals.router.Router;
import dev.signals.router.RouterStats;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.Figure;
import dev.signals.sinks.snapshot.SnapshotSink;
import dev.signals.sinks.snapshot.SnapshotStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The figures behind {@code /metrics}, read at each scrape: the router's per-sink counts and
 * what sinks report of themselves ({@link Figure}s, such as the kafka sink's), the snapshot
 * sink's, and the live sink's own. Counter names get {@code _total} from the exposition writer;
 * every name starts with {@code signals_} (see {@code docs/live.md}).
 */
final class LiveMetrics implements MultiCollector {

    /** Breaker states, one series each, 1 for the state the sink is in. */
    private static final List<String> CIRCUIT_STATES = List.of("CLOSED", "OPEN", "HALF_OPEN", "NONE");

    private final Supplier<Router> router;
    private final Subscribers subscribers;
    private final SnapshotSink snapshots;

    LiveMetrics(Supplier<Router> router, Subscribers subscribers, SnapshotSink snapshots) {
        this.router = router;
        this.subscribers = subscribers;
        this.snapshots = snapshots;
    }

    @Override
    public MetricSnapshots collect() {
        Router r = router.get();
        RouterStats stats = r.stats();
        CounterSnapshot.Builder routed = counter("signals_sink_routed", "Events handed to the sink.");
        CounterSnapshot.Builder delivered = counter("signals_sink_delivered", "Events the sink accepted.");
        CounterSnapshot.Builder diverted = counter("signals_sink_diverted", "Events handed to the sink's fallback instead.");
        CounterSnapshot.Builder dropped = counter("signals_sink_dropped", "Events lost, by reason.");
        CounterSnapshot.Builder failures = counter("signals_sink_failures", "Times the sink threw.");
        GaugeSnapshot.Builder pending = gauge("signals_sink_pending", "Events routed and not yet delivered, diverted or dropped.");
        GaugeSnapshot.Builder depth = gauge("signals_sink_queue_depth", "Events waiting in the sink's queue.");
        GaugeSnapshot.Builder capacity = gauge("signals_sink_queue_capacity", "Size of the sink's queue (0: synchronous).");
        GaugeSnapshot.Builder circuit = gauge("signals_sink_circuit_state", "1 for the circuit breaker's current state.");
        for (SinkStats s : stats.sinks().values()) {
            Labels sink = Labels.of("sink", s.name());
            routed.dataPoint(count(sink, s.routed()));
            delivered.dataPoint(count(sink, s.delivered()));
            diverted.dataPoint(count(sink, s.diverted()));
            failures.dataPoint(count(sink, s.failures()));
            for (DropReason reason : DropReason.values()) {
                dropped.dataPoint(count(sink.add("reason", reason.name()), s.dropped(reason)));
            }
            pending.dataPoint(level(sink, s.pending()));
            depth.dataPoint(level(sink, s.queueDepth()));
            capacity.dataPoint(level(sink, s.queueCapacity()));
            for (String state : CIRCUIT_STATES) {
                circuit.dataPoint(level(sink.add("state", state), state.equals(s.circuit()) ? 1 : 0));
            }
        }
        MetricSnapshots.Builder all = MetricSnapshots.builder()
                .metricSnapshot(routed.build()).metricSnapshot(delivered.build()).metricSnapshot(diverted.build())
                .metricSnapshot(dropped.build()).metricSnapshot(failures.build()).metricSnapshot(pending.build())
                .metricSnapshot(depth.build()).metricSnapshot(capacity.build()).metricSnapshot(circuit.build())
                .metricSnapshot(counter("signals_emitted_after_close", "Events emitted after the router closed.")
                        .dataPoint(count(Labels.EMPTY, stats.emittedAfterClose())).build())
                .metricSnapshot(gauge("signals_live_subscribers", "Clients of the live event stream.")
                        .dataPoint(level(Labels.EMPTY, subscribers.count())).build())
                .metricSnapshot(counter("signals_live_subscriber_dropped", "Events live clients lost by falling behind.")
                        .dataPoint(count(Labels.EMPTY, subscribers.lost())).build());
        if (snapshots != null) {
            addSnapshots(all);
        }
        return withSinkFigures(all.build(), stats);
    }

    /**
     * Each figure a sink reports of itself as {@code signals_NAME}, labelled with the sink's name
     * and the figure's labels. A name already taken (by the figures above, or by another sink's
     * figure of another kind) is left out: one metric has one kind.
     */
    private static MetricSnapshots withSinkFigures(MetricSnapshots fixed, RouterStats stats) {
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        Set<String> taken = new HashSet<>();
        for (MetricSnapshot m : fixed) {
            all.metricSnapshot(m);
            taken.add(m.getMetadata().getName());
        }
        Map<String, Figure.Kind> kinds = new HashMap<>();
        Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
        Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
        for (SinkStats s : stats.sinks().values()) {
            for (Figure f : s.figures()) {
                String name = "signals_" + f.name();
                if (taken.contains(name) || kinds.computeIfAbsent(name, n -> f.kind()) != f.kind()) {
                    continue;
                }
                Labels labels = Labels.of("sink", s.name());
                for (Map.Entry<String, String> l : f.labels().entrySet()) {
                    labels = labels.add(l.getKey(), l.getValue());
                }
                if (f.kind() == Figure.Kind.COUNTER) {
                    counters.computeIfAbsent(name, n -> counter(n, f.help())).dataPoint(count(labels, f.value()));
                } else {
                    gauges.computeIfAbsent(name, n -> gauge(n, f.help())).dataPoint(level(labels, f.value()));
                }
            }
        }
        counters.values().forEach(c -> all.metricSnapshot(c.build()));
        gauges.values().forEach(g -> all.metricSnapshot(g.build()));
        return all.build();
    }

    private void addSnapshots(MetricSnapshots.Builder all) {
        SnapshotStats s = snapshots.stats();
        CounterSnapshot.Builder skipped = counter("signals_snapshots_skipped", "Snapshots not taken, by cause.")
                .dataPoint(count(Labels.of("cause", "cooldown"), s.coolingDown()))
                .dataPoint(count(Labels.of("cause", "queue_full"), s.dropped()))
                .dataPoint(count(Labels.of("cause", "failed"), s.failed()))
                .dataPoint(count(Labels.of("cause", "over_budget"), s.overBudget()));
        Map<String, Long> byReason = new TreeMap<>();
        try {
            for (SnapshotFiles.Entry e : new SnapshotFiles(snapshots.options().directory()).list()) {
                byReason.merge(e.reason(), 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GaugeSnapshot.Builder files = gauge("signals_snapshot_files", "Snapshot files on disk, by reason.");
        byReason.forEach((reason, n) -> files.dataPoint(level(Labels.of("reason", reason), n)));
        CounterSnapshot.Builder written = counter("signals_snapshots_written", "Snapshots written to disk, by reason.");
        s.writtenByReason().forEach((reason, n) -> written.dataPoint(count(Labels.of("reason", reason), n)));
        all.metricSnapshot(written.build())
                .metricSnapshot(skipped.build())
                .metricSnapshot(counter("signals_snapshots_deleted", "Old snapshot files deleted by retention.")
                        .dataPoint(count(Labels.EMPTY, s.deleted())).build())
                .metricSnapshot(files.build());
    }

    private static CounterSnapshot.Builder counter(String name, String help) {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static CounterDataPointSnapshot count(Labels labels, long value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static GaugeDataPointSnapshot level(Labels labels, long value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
