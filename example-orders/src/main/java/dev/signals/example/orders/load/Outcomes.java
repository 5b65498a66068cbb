package dev.signals.example.orders.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The load generator's tally: orders attempted, and how each ended. Thread-safe. */
public final class Outcomes {

    private final AtomicLong attempted = new AtomicLong();
    private final Map<OrderResult.Status, LongAdder> byStatus = new EnumMap<>(OrderResult.Status.class);
    private final Map<String, LongAdder> byCause = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<OrderResult> results = new ConcurrentLinkedQueue<>();

    public Outcomes() {
        for (OrderResult.Status s : OrderResult.Status.values()) {
            byStatus.put(s, new LongAdder());
        }
    }

    /** Counts an order as placed. */
    public void recordAttempt() {
        attempted.incrementAndGet();
    }

    /** Counts how an order ended. */
    public void record(OrderResult result) {
        byStatus.get(result.status()).increment();
        if (result.status() != OrderResult.Status.SHIPPED) {
            byCause.computeIfAbsent(result.status().name().toLowerCase(java.util.Locale.ROOT) + ":" + result.cause(),
                    k -> new LongAdder()).increment();
        }
        results.add(result);
    }

    public long attempted() {
        return attempted.get();
    }

    public long count(OrderResult.Status status) {
        return byStatus.get(status).sum();
    }

    /** Orders placed whose answer has not come yet. */
    public long inFlight() {
        long done = 0;
        for (LongAdder a : byStatus.values()) {
            done += a.sum();
        }
        return attempted.get() - done;
    }

    /**
     * Orders that did not ship, by {@code status:cause} ({@code cancelled:payment_declined},
     * {@code rejected:rate_limited}…), most frequent first.
     */
    public Map<String, Long> failuresByCause() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        byCause.forEach((k, v) -> entries.add(Map.entry(k, v.sum())));
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : entries) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Every order's result, in the order they ended. */
    public List<OrderResult> results() {
        return new ArrayList<>(results);
    }
}
