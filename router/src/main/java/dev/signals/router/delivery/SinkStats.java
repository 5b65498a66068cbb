package dev.signals.router.delivery;

import dev.signals.router.spi.Figure;
import dev.signals.router.spi.OwnFigures;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The figures of one sink at one moment. For every sink,
 * {@code routed = delivered + diverted + dropped + pending}, where pending events are queued or
 * being delivered.
 *
 * @param name the sink's name
 * @param routed events handed to the sink
 * @param delivered events the sink accepted
 * @param diverted events handed to the fallback sink instead
 * @param dropped events lost, by reason
 * @param failures times the sink threw (an event retried counts each time)
 * @param queueDepth events waiting in the sink's queue (0 for a synchronous sink)
 * @param circuit the breaker's state: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, or {@code NONE}
 * @param queueCapacity the size of the sink's queue (0 for a synchronous sink)
 * @param figures what the sink reports of itself ({@link OwnFigures}), one per name and labels;
 *     empty for most sinks
 */
public record SinkStats(String name, long routed, long delivered, long diverted, Map<DropReason, Long> dropped,
                        long failures, int queueDepth, String circuit, int queueCapacity, List<Figure> figures) {

    public SinkStats {
        dropped = Map.copyOf(dropped);
        figures = merged(figures, List.of());
    }

    /** The figures of a sink that reports none of its own. */
    public SinkStats(String name, long routed, long delivered, long diverted, Map<DropReason, Long> dropped,
                     long failures, int queueDepth, String circuit, int queueCapacity) {
        this(name, routed, delivered, diverted, dropped, failures, queueDepth, circuit, queueCapacity, List.of());
    }

    /** The figures of a sink whose queue capacity is not known (0). */
    public SinkStats(String name, long routed, long delivered, long diverted, Map<DropReason, Long> dropped,
                     long failures, int queueDepth, String circuit) {
        this(name, routed, delivered, diverted, dropped, failures, queueDepth, circuit, 0);
    }

    /** All drops together. */
    public long droppedTotal() {
        long sum = 0;
        for (long n : dropped.values()) {
            sum += n;
        }
        return sum;
    }

    /** Drops for one reason. */
    public long dropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    /** Events routed but not yet delivered, diverted or dropped. */
    public long pending() {
        return routed - delivered - diverted - droppedTotal();
    }

    /**
     * The value of the sink's own figure {@code name} with exactly the labels
     * {@code labelNamesAndValues} (a name, its value, the next name…), or empty when the sink
     * reports no such figure.
     */
    public OptionalLong figure(String name, String... labelNamesAndValues) {
        if (labelNamesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come as pairs of a name and a value");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelNamesAndValues.length; i += 2) {
            labels.put(labelNamesAndValues[i], labelNamesAndValues[i + 1]);
        }
        for (Figure f : figures) {
            if (f.name().equals(name) && f.labels().equals(labels)) {
                return OptionalLong.of(f.value());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The figures of two sinks of one name added up (a sink a reload replaced, and its
     * successor): every count summed, the queue depths and the sinks' own figures too; the
     * circuit state is the other's, the queue capacity the larger.
     */
    public SinkStats plus(SinkStats other) {
        Map<DropReason, Long> sum = new EnumMap<>(DropReason.class);
        sum.putAll(dropped);
        other.dropped.forEach((reason, n) -> sum.merge(reason, n, Long::sum));
        return new SinkStats(name, routed + other.routed, delivered + other.delivered, diverted + other.diverted, sum,
                failures + other.failures, queueDepth + other.queueDepth, other.circuit,
                Math.max(queueCapacity, other.queueCapacity), merged(figures, other.figures));
    }

    /** These figures under another name. */
    public SinkStats named(String newName) {
        return new SinkStats(newName, routed, delivered, diverted, dropped, failures, queueDepth, circuit, queueCapacity,
                figures);
    }

    /** One figure per name and labels, values of the same series summed, in the order first seen. */
    private static List<Figure> merged(List<Figure> first, List<Figure> second) {
        Map<List<Object>, Figure> bySeries = new LinkedHashMap<>();
        for (List<Figure> list : List.of(first, second)) {
            for (Figure f : list) {
                bySeries.merge(List.of(f.name(), f.labels()), f,
                        (a, b) -> new Figure(a.name(), a.kind(), a.help(), a.labels(), a.value() + b.value()));
            }
        }
        return List.copyOf(bySeries.values());
    }
}
