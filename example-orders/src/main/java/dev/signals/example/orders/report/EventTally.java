package dev.signals.example.orders.report;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Sink;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sink that only counts: events per signal. Routed in code to every signal
 * ({@code Router.global().route("*", tally)}) whatever the config, it gives the summary its
 * figures: events emitted, breaker transitions, retries, dead letters. Thread-safe and cheap
 * enough to run synchronously.
 */
public final class EventTally implements Sink {

    private final Map<String, LongAdder> bySignal = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    @Override
    public void accept(Event event) {
        total.increment();
        bySignal.computeIfAbsent(event.signal().name(), k -> new LongAdder()).increment();
    }

    /** Every event counted. */
    public long total() {
        return total.sum();
    }

    /** The events of {@code signal} counted. */
    public long count(Signal signal) {
        LongAdder a = bySignal.get(signal.name());
        return a == null ? 0 : a.sum();
    }

    /** Counts by signal name, sorted by name. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        bySignal.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
