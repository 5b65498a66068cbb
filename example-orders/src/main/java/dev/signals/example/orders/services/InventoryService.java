package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Request;
import dev.signals.example.orders.http.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory service.
 *
 * <ul>
 *   <li>{@code POST /inventory/reserve {"order_id", "items"}}: sets the units aside, all or
 *       none; 409 {@code out_of_stock} naming the SKU that is short. Idempotent per order, so a
 *       retried reservation is not taken twice; refused once the order was released.</li>
 *   <li>{@code POST /inventory/release {"order_id", "reason"}}: puts a reservation back
 *       (compensation). Idempotent; releasing an order never reserved only remembers it.</li>
 * </ul>
 */
public final class InventoryService implements Endpoint {

    private final Emitter log = Signals.with(Field.of("service", "inventory"));
    // All guarded by this.
    private final Map<String, Integer> stock = new HashMap<>();
    private final Map<String, List<Item>> reservations = new HashMap<>();
    private final Set<String> released = new HashSet<>();

    public InventoryService() {
        for (Catalog.Product p : Catalog.products()) {
            stock.put(p.sku(), p.stock());
        }
    }

    @Override
    public Response handle(Request request) {
        switch (request.route()) {
            case "POST /inventory/reserve":
                return reserve(request.body());
            case "POST /inventory/release":
                return release(request.body());
            default:
                return Response.error(404, "no_such_route", request.route());
        }
    }

    private Response reserve(Body body) {
        String orderId = body.string("order_id");
        List<Item> items = Item.fromBody(body);
        if (orderId == null || items.isEmpty()) {
            return Response.error(400, "bad_request", "order_id and items are required");
        }
        List<String> depleted = new ArrayList<>();
        synchronized (this) {
            if (reservations.containsKey(orderId)) {
                return Response.ok(Body.of("reservation_id", "res-" + orderId, "replayed", true));
            }
            if (released.contains(orderId)) {
                return Response.error(409, "order_released", "order " + orderId + " was released");
            }
            for (Item item : items) {
                Integer have = stock.get(item.sku());
                if (have == null || item.quantity() < 1) {
                    return Response.error(400, "unknown_product", "cannot reserve " + item);
                }
                if (have < item.quantity()) {
                    return Response.error(409, "out_of_stock", item.sku());
                }
            }
            for (Item item : items) {
                int left = stock.merge(item.sku(), -item.quantity(), Integer::sum);
                if (left == 0) {
                    depleted.add(item.sku());
                }
            }
            reservations.put(orderId, items);
        }
        log.emit(OrderSignals.INVENTORY_RESERVED, "Reserved " + Item.units(items) + " units",
                Field.of("order_id", orderId), Field.of("items", Item.toJson(items)), Field.of("units", Item.units(items)));
        for (String sku : depleted) {
            log.emit(OrderSignals.INVENTORY_DEPLETED, "Out of stock: " + Catalog.find(sku).name(),
                    Field.of("sku", sku), Field.of("product", Catalog.find(sku).name()), Field.of("order_id", orderId));
        }
        return Response.ok(Body.of("reservation_id", "res-" + orderId));
    }

    private Response release(Body body) {
        String orderId = body.string("order_id");
        if (orderId == null) {
            return Response.error(400, "bad_request", "order_id is required");
        }
        List<Item> items;
        synchronized (this) {
            released.add(orderId);
            items = reservations.remove(orderId);
            if (items != null) {
                for (Item item : items) {
                    stock.merge(item.sku(), item.quantity(), Integer::sum);
                }
            }
        }
        if (items != null) {
            log.emit(OrderSignals.INVENTORY_RELEASED, "Released " + Item.units(items) + " units back to stock",
                    Field.of("order_id", orderId), Field.of("units", Item.units(items)),
                    Field.of("reason", body.string("reason") == null ? "unspecified" : body.string("reason")));
        }
        return Response.ok(Body.of("released", items != null));
    }

    /** The units of {@code sku} in stock now. */
    public synchronized int stock(String sku) {
        return stock.getOrDefault(sku, 0);
    }
}
