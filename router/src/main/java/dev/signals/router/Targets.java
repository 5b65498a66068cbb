package dev.signals.router;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.router.delivery.SinkChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one signal goes under one route table: each sink once, however many routes lead to
 * it. Routes with a filter or sampling become gates, at most {@value #MAX_GATES} per signal;
 * a sink's mask names the gates that lead to it, 0 when some route leads to it without
 * conditions. Immutable; final fields publish the arrays safely to every thread.
 */
final class Targets {

    static final int MAX_GATES = 64;
    static final Targets NONE = new Targets(new SinkChannel[0], new long[0], new Gate[0]);

    final SinkChannel[] sinks;
    final long[] masks;
    final Gate[] gates;

    private Targets(SinkChannel[] sinks, long[] masks, Gate[] gates) {
        this.sinks = sinks;
        this.masks = masks;
        this.gates = gates;
    }

    static Targets of(Signal signal, List<Route> matching) {
        Map<SinkChannel, Long> masksBySink = new LinkedHashMap<>();
        List<Gate> gates = new ArrayList<>();
        for (Route route : matching) {
            boolean gated = route.filter() != null || route.sampler() != null;
            long bit = 0;
            if (gated) {
                if (gates.size() == MAX_GATES) {
                    throw new IllegalStateException("more than " + MAX_GATES + " filtered or sampled routes match " + signal);
                }
                bit = 1L << gates.size();
                gates.add(new Gate(route.filter(), route.sampler() == null ? null : route.sampler().windowFor(signal)));
            }
            for (SinkChannel sink : route.sinks()) {
                if (!signal.severity().isAtLeast(sink.minSeverity())) {
                    continue;
                }
                Long before = masksBySink.get(sink);
                if (!gated || (before != null && before == 0L)) {
                    masksBySink.put(sink, 0L);
                } else {
                    masksBySink.put(sink, (before == null ? 0L : before) | bit);
                }
            }
        }
        if (masksBySink.isEmpty()) {
            return NONE;
        }
        SinkChannel[] sinks = masksBySink.keySet().toArray(new SinkChannel[0]);
        long[] masks = new long[sinks.length];
        for (int i = 0; i < sinks.length; i++) {
            masks[i] = masksBySink.get(sinks[i]);
        }
        return new Targets(sinks, masks, gates.toArray(new Gate[0]));
    }

    /** No sink takes the signal. {@link #of} answers {@link #NONE} for every such signal, so an identity test does (one load fewer on the disabled path). */
    boolean isEmpty() {
        return this == NONE;
    }

    /**
     * Hands {@code event} to every sink here but {@code except}: each gate is tested once, then
     * a sink takes the event when it has no gate or one of its gates passed, and counts it
     * sampled when only sampling stopped it.
     */
    void deliver(Event event, SinkChannel except) {
        long passed = 0;
        long sampled = 0;
        for (int g = 0; g < gates.length; g++) {
            int verdict = gates[g].test(event);
            if (verdict == Gate.PASS) {
                passed |= 1L << g;
            } else if (verdict == Gate.SAMPLED) {
                sampled |= 1L << g;
            }
        }
        for (int i = 0; i < sinks.length; i++) {
            SinkChannel sink = sinks[i];
            if (sink == except) {
                continue;
            }
            long mask = masks[i];
            if (mask == 0 || (passed & mask) != 0) {
                sink.deliver(event);
            } else if ((sampled & mask) != 0) {
                sink.countSampled();
            }
        }
    }
}
