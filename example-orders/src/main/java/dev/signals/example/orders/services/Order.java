package dev.signals.example.orders.services;

import java.util.List;

/**
 * An order as the order service received it.
 *
 * @param id the client's order id (an idempotency key: one id, one order)
 * @param userId who orders
 * @param items what
 * @param clientIp where the request came from
 * @param card the card token, never written in clear
 */
public record Order(String id, String userId, List<Item> items, String clientIp, String card) {

    public Order {
        items = List.copyOf(items);
    }
}
