package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Request;
import dev.signals.example.orders.http.Response;

/**
 * The notification service: {@code POST /notifications {"order_id", "kind", "email"}} sends the
 * customer an e-mail (here: emits {@link OrderSignals#NOTIFICATION_SENT}, whose {@code email}
 * field the shipped config redacts). Flaky by default chaos, so that some notifications end in
 * the order service's dead-letter queue.
 */
public final class NotificationService implements Endpoint {

    private final Emitter log = Signals.with(Field.of("service", "notification"));

    @Override
    public Response handle(Request request) {
        if (!request.route().equals("POST /notifications")) {
            return Response.error(404, "no_such_route", request.route());
        }
        Body body = request.body();
        String orderId = body.string("order_id");
        String kind = body.string("kind");
        if (orderId == null || kind == null) {
            return Response.error(400, "bad_request", "order_id and kind are required");
        }
        log.emit(OrderSignals.NOTIFICATION_SENT, "Sent the '" + kind + "' e-mail",
                Field.of("order_id", orderId), Field.of("kind", kind), Field.of("email", body.string("email")));
        return new Response(202, Body.of("status", "sent"));
    }
}
