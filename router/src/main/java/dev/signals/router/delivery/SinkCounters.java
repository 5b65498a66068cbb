package dev.signals.router.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The running figures of one sink. Every event routed to the sink ends as delivered, as
 * diverted to its fallback sink, or as dropped under exactly one reason; until then it is
 * pending (queued or being delivered). Adders, so that threads counting at once do not contend.
 */
public final class SinkCounters {

    private final LongAdder routed = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder diverted = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder[] dropped = new LongAdder[DropReason.values().length];

    public SinkCounters() {
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = new LongAdder();
        }
    }

    /** An event was queued for the sink (asynchronous sinks; a synchronous sink's count is derived). */
    public void routed() {
        routed.increment();
    }

    /** An event reached the sink's destination. */
    public void delivered(long events) {
        delivered.add(events);
    }

    /** An event went to the fallback sink instead. */
    public void diverted() {
        diverted.increment();
    }

    /** The sink threw once (an event may fail several times when retried). */
    public void failed() {
        failures.increment();
    }

    /** Events left for {@code reason}. */
    public void dropped(DropReason reason, long events) {
        dropped[reason.ordinal()].add(events);
    }

    public long routedCount() {
        return routed.sum();
    }

    public long deliveredCount() {
        return delivered.sum();
    }

    public long divertedCount() {
        return diverted.sum();
    }

    public long failureCount() {
        return failures.sum();
    }

    public long droppedCount(DropReason reason) {
        return dropped[reason.ordinal()].sum();
    }

    /** All drops, by reason. */
    public Map<DropReason, Long> droppedByReason() {
        Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            out.put(r, droppedCount(r));
        }
        return out;
    }

    public long droppedTotal() {
        long sum = 0;
        for (LongAdder a : dropped) {
            sum += a.sum();
        }
        return sum;
    }
}
