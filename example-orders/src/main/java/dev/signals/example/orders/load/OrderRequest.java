package dev.signals.example.orders.load;

import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.services.Item;
import java.time.Duration;
import java.util.List;

/**
 * One order the load generator places.
 *
 * @param orderId the order id, also its idempotency key
 * @param offset when it is placed, from the start of the run
 * @param userId who orders
 * @param items what
 * @param clientIp the client's address (sent as {@code x-forwarded-for})
 * @param card a card token
 * @param note free text, sometimes an attack
 */
public record OrderRequest(String orderId, Duration offset, String userId, List<Item> items, String clientIp,
                           String card, String note) {

    public OrderRequest {
        items = List.copyOf(items);
    }

    /** The body of {@code POST /orders}. */
    public Body toBody() {
        Body body = Body.of("order_id", orderId, "user_id", userId, "items", Item.toJson(items), "card", card);
        return note == null ? body : body.with("note", note);
    }
}
