package dev.signals.router;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.router.delivery.DeliveryStack;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkChannel;
import dev.signals.router.spi.BeforeCapture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one signal goes under one route table: each sink once, however many routes lead to
 * it. Routes with a filter or sampling become gates; a sink's mask names the gates that lead
 * to it, all zero when some route leads to it without conditions. Up to {@value #WORD} gates
 * a mask is one {@code long} and testing them allocates nothing; beyond that (rare: many
 * filtered routes on one signal) the masks span several words and each event costs two small
 * arrays. Immutable; final fields publish the arrays safely to every thread.
 */
final class Targets {

    private static final int WORD = 64;
    static final Targets NONE = new Targets(new SinkChannel[0], new long[0][], new Gate[0]);

    final SinkChannel[] sinks;
    /** The synchronous sinks here that act before an event is made, or {@code null} when none does. */
    private final BeforeCapture[] beforeCapture;
    /** One mask per sink, {@code words} longs each. */
    private final long[][] masks;
    /** The single-word masks, when there are at most {@value #WORD} gates; else {@code null}. */
    private final long[] narrow;
    final Gate[] gates;

    private Targets(SinkChannel[] sinks, long[][] masks, Gate[] gates) {
        this.sinks = sinks;
        this.masks = masks;
        this.gates = gates;
        this.beforeCapture = beforeCapture(sinks);
        if (gates.length <= WORD) {
            narrow = new long[sinks.length];
            for (int i = 0; i < sinks.length; i++) {
                narrow[i] = masks[i].length == 0 ? 0 : masks[i][0];
            }
        } else {
            narrow = null;
        }
    }

    /** An asynchronous sink sees the event on its worker, not on the emitting thread, so only synchronous ones count. */
    private static BeforeCapture[] beforeCapture(SinkChannel[] sinks) {
        List<BeforeCapture> found = new ArrayList<>();
        for (SinkChannel c : sinks) {
            if (c.sink() instanceof BeforeCapture && !c.policy().isAsync()) {
                found.add((BeforeCapture) c.sink());
            }
        }
        return found.isEmpty() ? null : found.toArray(new BeforeCapture[0]);
    }

    /** Lets the sinks that ask for it act before an event of {@code signal} is made on this thread. */
    void beforeCapture(Signal signal) {
        BeforeCapture[] each = beforeCapture;
        if (each == null) {
            return;
        }
        for (BeforeCapture b : each) {
            try {
                b.beforeCapture(signal);
            } catch (Throwable t) {
                // The sink's own code: it loses its chance to prepare, the event still goes out.
            }
        }
    }

    static Targets of(Signal signal, List<Route> matching) {
        List<Gate> gates = new ArrayList<>();
        List<Route> gatedRoutes = new ArrayList<>();
        for (Route route : matching) {
            if (Gate.needed(route)) {
                gatedRoutes.add(route);
                gates.add(new Gate(route, signal));
            }
        }
        int words = (gates.size() + WORD - 1) / WORD;
        Map<SinkChannel, long[]> masksBySink = new LinkedHashMap<>();
        for (Route route : matching) {
            int gate = gatedRoutes.indexOf(route);
            for (SinkChannel sink : route.sinks()) {
                if (!signal.severity().isAtLeast(sink.minSeverity())) {
                    continue;
                }
                long[] before = masksBySink.get(sink);
                if (gate < 0 || isUnconditional(before)) {
                    masksBySink.put(sink, new long[words]);
                } else {
                    long[] mask = before != null ? before : new long[words];
                    mask[gate / WORD] |= 1L << (gate % WORD);
                    masksBySink.put(sink, mask);
                }
            }
        }
        if (masksBySink.isEmpty()) {
            return NONE;
        }
        SinkChannel[] sinks = masksBySink.keySet().toArray(new SinkChannel[0]);
        long[][] masks = new long[sinks.length][];
        for (int i = 0; i < sinks.length; i++) {
            masks[i] = masksBySink.get(sinks[i]);
        }
        return new Targets(sinks, masks, gates.toArray(new Gate[0]));
    }

    private static boolean isUnconditional(long[] mask) {
        if (mask == null) {
            return false;
        }
        for (long word : mask) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** No sink takes the signal. {@link #of} answers {@link #NONE} for every such signal, so an identity test does (one load fewer on the disabled path). */
    boolean isEmpty() {
        return this == NONE;
    }

    /**
     * Hands {@code event} to every sink here but {@code except}: each gate is tested once, then
     * a sink takes the event when it has no gate or one of its gates passed, and counts it
     * sampled (or rate limited) when only sampling (or a rate limit) stopped it. A sink that {@code stack} shows delivering on this
     * thread (the event comes from its own delivery) counts it as feedback instead.
     *
     * @param stack the thread's {@link DeliveryStack}, {@code level} entries deep
     */
    void deliver(Event event, SinkChannel except, long[] stack, int level) {
        if (narrow == null) {
            deliverWide(event, except, stack, level);
            return;
        }
        long passed = 0;
        long sampled = 0;
        long limited = 0;
        for (int g = 0; g < gates.length; g++) {
            int verdict = gates[g].test(event);
            if (verdict == Gate.PASS) {
                passed |= 1L << g;
            } else if (verdict == Gate.SAMPLED) {
                sampled |= 1L << g;
            } else if (verdict == Gate.RATE_LIMITED) {
                limited |= 1L << g;
            }
        }
        for (int i = 0; i < sinks.length; i++) {
            SinkChannel sink = sinks[i];
            if (sink == except) {
                continue;
            }
            long mask = narrow[i];
            if (mask == 0 || (passed & mask) != 0) {
                deliverTo(sink, event, stack, level);
            } else if ((sampled & mask) != 0) {
                sink.countDropped(DropReason.SAMPLED);
            } else if ((limited & mask) != 0) {
                sink.countDropped(DropReason.RATE_LIMITED);
            }
        }
    }

    private static void deliverTo(SinkChannel sink, Event event, long[] stack, int level) {
        if ((level > 0 && DeliveryStack.contains(stack, level, sink.id())) || sink.emittedOnOwnThread(event)) {
            sink.countDropped(DropReason.FEEDBACK);
            return;
        }
        DeliveryStack.push(stack, level, sink.id());
        try {
            sink.deliver(event);
        } finally {
            DeliveryStack.pop(stack, level);
        }
    }

    /** Counts {@code event} as dropped for {@code reason} at every sink here but {@code except}. */
    void drop(DropReason reason, SinkChannel except) {
        for (SinkChannel sink : sinks) {
            if (sink != except) {
                sink.countDropped(reason);
            }
        }
    }

    private void deliverWide(Event event, SinkChannel except, long[] stack, int level) {
        int words = (gates.length + WORD - 1) / WORD;
        long[] passed = new long[words];
        long[] sampled = new long[words];
        long[] limited = new long[words];
        for (int g = 0; g < gates.length; g++) {
            int verdict = gates[g].test(event);
            long[] into = verdict == Gate.PASS ? passed : verdict == Gate.SAMPLED ? sampled
                    : verdict == Gate.RATE_LIMITED ? limited : null;
            if (into != null) {
                into[g / WORD] |= 1L << (g % WORD);
            }
        }
        for (int i = 0; i < sinks.length; i++) {
            SinkChannel sink = sinks[i];
            if (sink == except) {
                continue;
            }
            long[] mask = masks[i];
            if (isUnconditional(mask) || intersects(passed, mask)) {
                deliverTo(sink, event, stack, level);
            } else if (intersects(sampled, mask)) {
                sink.countDropped(DropReason.SAMPLED);
            } else if (intersects(limited, mask)) {
                sink.countDropped(DropReason.RATE_LIMITED);
            }
        }
    }

    private static boolean intersects(long[] a, long[] b) {
        for (int w = 0; w < b.length; w++) {
            if ((a[w] & b[w]) != 0) {
                return true;
            }
        }
        return false;
    }
}
