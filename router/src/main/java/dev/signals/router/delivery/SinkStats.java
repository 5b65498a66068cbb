package dev.signals.router.delivery;

import java.util.EnumMap;
import java.util.Map;

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
 */
public record SinkStats(String name, long routed, long delivered, long diverted, Map<DropReason, Long> dropped,
                        long failures, int queueDepth, String circuit, int queueCapacity) {

    public SinkStats {
        dropped = Map.copyOf(dropped);
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
     * The figures of two sinks of one name added up (a sink a reload replaced, and its
     * successor): every count summed, the queue depths too; the circuit state is the other's,
     * the queue capacity the larger.
     */
    public SinkStats plus(SinkStats other) {
        Map<DropReason, Long> sum = new EnumMap<>(DropReason.class);
        sum.putAll(dropped);
        other.dropped.forEach((reason, n) -> sum.merge(reason, n, Long::sum));
        return new SinkStats(name, routed + other.routed, delivered + other.delivered, diverted + other.diverted, sum,
                failures + other.failures, queueDepth + other.queueDepth, other.circuit,
                Math.max(queueCapacity, other.queueCapacity));
    }

    /** These figures under another name. */
    public SinkStats named(String newName) {
        return new SinkStats(newName, routed, delivered, diverted, dropped, failures, queueDepth, circuit, queueCapacity);
    }
}
