package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Request;
import dev.signals.example.orders.http.Response;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipping service: {@code POST /shipments {"order_id", "items", "region"}} books a
 * shipment with the region's carrier and answers its tracking number. Idempotent per order.
 */
public final class ShippingService implements Endpoint {

    private final Emitter log = Signals.with(Field.of("service", "shipping"));
    private final Map<String, Body> shipments = new ConcurrentHashMap<>();

    @Override
    public Response handle(Request request) {
        if (!request.route().equals("POST /shipments")) {
            return Response.error(404, "no_such_route", request.route());
        }
        Body body = request.body();
        String orderId = body.string("order_id");
        if (orderId == null || Item.fromBody(body).isEmpty()) {
            return Response.error(400, "bad_request", "order_id and items are required");
        }
        String region = body.string("region") == null ? "eu-west" : body.string("region");
        boolean[] booked = new boolean[1];
        Body shipment = shipments.computeIfAbsent(orderId, id -> {
            booked[0] = true;
            String carrier = region.startsWith("eu") ? "DHL" : region.startsWith("us") ? "UPS" : "SF Express";
            String tracking = carrier.substring(0, 2).toUpperCase(Locale.ROOT)
                    + String.format(Locale.ROOT, "%010d", Math.floorMod(id.hashCode() * 2654435761L, 10_000_000_000L));
            return Body.of("carrier", carrier, "tracking", tracking, "region", region);
        });
        if (booked[0]) {
            log.emit(OrderSignals.SHIPMENT_BOOKED, "Booked with " + shipment.string("carrier"),
                    Field.of("order_id", orderId), Field.of("carrier", shipment.string("carrier")),
                    Field.of("tracking", shipment.string("tracking")), Field.of("region", region));
        }
        return Response.ok(shipment);
    }
}
