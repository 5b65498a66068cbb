package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Request;
import dev.signals.example.orders.http.Response;
import java.util.List;

/**
 * The pricing service: {@code POST /prices/quote {"order_id", "items", "tier"}} answers the
 * total in euro cents, after the tier's discount (gold 10%, silver 5%).
 */
public final class PricingService implements Endpoint {

    private final Emitter log = Signals.with(Field.of("service", "pricing"));

    @Override
    public Response handle(Request request) {
        if (!request.route().equals("POST /prices/quote")) {
            return Response.error(404, "no_such_route", request.route());
        }
        Body body = request.body();
        List<Item> items = Item.fromBody(body);
        long subtotal = 0;
        for (Item item : items) {
            Catalog.Product product = Catalog.find(item.sku());
            if (product == null || item.quantity() < 1) {
                return Response.error(400, "unknown_product", "cannot price " + item);
            }
            subtotal += product.priceCents() * item.quantity();
        }
        String tier = body.string("tier") == null ? "standard" : body.string("tier");
        long discount = tier.equals("gold") ? subtotal / 10 : tier.equals("silver") ? subtotal / 20 : 0;
        long total = subtotal - discount;
        log.emit(OrderSignals.PRICE_QUOTED, "Priced at " + total + " cents",
                Field.of("order_id", body.string("order_id")), Field.of("tier", tier),
                Field.of("total_cents", total), Field.of("discount_cents", discount));
        return Response.ok(Body.of("total_cents", total, "discount_cents", discount, "currency", "EUR"));
    }
}
