package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Request;
import dev.signals.example.orders.http.Response;
import java.util.HashMap;
import java.util.Map;

/**
 * The payment service; every operation is idempotent per order, so retries never charge twice.
 *
 * <ul>
 *   <li>{@code POST /payments/authorize {"order_id", "amount_cents", "card"}}: 402
 *       {@code declined} when chaos declines the card (the same answer for every attempt).</li>
 *   <li>{@code POST /payments/capture {"order_id"}}: takes the authorized amount.</li>
 *   <li>{@code POST /payments/void {"order_id"}}: drops an authorization (compensation); also
 *       refuses a later, late authorization.</li>
 *   <li>{@code POST /payments/refund {"order_id"}}: gives a captured amount back (compensation).</li>
 * </ul>
 */
public final class PaymentService implements Endpoint {

    private enum Status { AUTHORIZED, CAPTURED, VOIDED, REFUNDED }

    private static final class Payment {
        final String id;
        final long amount;
        Status status;

        Payment(String id, long amount, Status status) {
            this.id = id;
            this.amount = amount;
            this.status = status;
        }
    }

    private final Emitter log = Signals.with(Field.of("service", "payment"));
    private final Chaos chaos;
    // Guarded by this.
    private final Map<String, Payment> payments = new HashMap<>();

    public PaymentService(Chaos chaos) {
        this.chaos = chaos;
    }

    @Override
    public Response handle(Request request) {
        Body body = request.body();
        String orderId = body.string("order_id");
        if (orderId == null) {
            return Response.error(400, "bad_request", "order_id is required");
        }
        switch (request.route()) {
            case "POST /payments/authorize":
                return authorize(orderId, body);
            case "POST /payments/capture":
                return capture(orderId);
            case "POST /payments/void":
                return voidAuthorization(orderId);
            case "POST /payments/refund":
                return refund(orderId);
            default:
                return Response.error(404, "no_such_route", request.route());
        }
    }

    private Response authorize(String orderId, Body body) {
        long amount = body.number("amount_cents", -1);
        if (amount <= 0) {
            return Response.error(400, "bad_amount", "amount_cents must be positive");
        }
        if (chaos.declines(orderId)) {
            return Response.error(402, "declined", "the issuer declined the card");
        }
        Payment payment;
        boolean created = false;
        synchronized (this) {
            payment = payments.get(orderId);
            if (payment == null) {
                payment = new Payment("pay-" + orderId.substring(orderId.indexOf('-') + 1), amount, Status.AUTHORIZED);
                payments.put(orderId, payment);
                created = true;
            } else if (payment.status == Status.VOIDED) {
                return Response.error(409, "voided", "the order's payment was voided");
            }
        }
        if (created) {
            log.emit(OrderSignals.PAYMENT_AUTHORIZED, "Authorized " + amount + " cents",
                    Field.of("order_id", orderId), Field.of("payment_id", payment.id), Field.of("amount_cents", amount),
                    Field.of("currency", "EUR"), Field.secret("card", String.valueOf(body.string("card"))));
        }
        return Response.ok(Body.of("payment_id", payment.id, "status", "authorized"));
    }

    private Response capture(String orderId) {
        Payment payment;
        synchronized (this) {
            payment = payments.get(orderId);
            if (payment == null || (payment.status != Status.AUTHORIZED && payment.status != Status.CAPTURED)) {
                return Response.error(409, "not_authorized", "nothing to capture for " + orderId);
            }
            if (payment.status == Status.CAPTURED) {
                return Response.ok(Body.of("payment_id", payment.id, "status", "captured", "replayed", true));
            }
            payment.status = Status.CAPTURED;
        }
        log.emit(OrderSignals.PAYMENT_CAPTURED, "Captured " + payment.amount + " cents",
                Field.of("order_id", orderId), Field.of("payment_id", payment.id), Field.of("amount_cents", payment.amount));
        return Response.ok(Body.of("payment_id", payment.id, "status", "captured"));
    }

    private Response voidAuthorization(String orderId) {
        Payment payment;
        synchronized (this) {
            payment = payments.get(orderId);
            if (payment == null) {
                payments.put(orderId, new Payment("none", 0, Status.VOIDED));
                return Response.ok(Body.of("status", "voided", "authorized", false));
            }
            if (payment.status == Status.VOIDED) {
                return Response.ok(Body.of("status", "voided", "replayed", true));
            }
            if (payment.status != Status.AUTHORIZED) {
                return Response.error(409, "not_voidable", "payment is " + payment.status);
            }
            payment.status = Status.VOIDED;
        }
        log.emit(OrderSignals.PAYMENT_VOIDED, "Voided the authorization",
                Field.of("order_id", orderId), Field.of("payment_id", payment.id), Field.of("amount_cents", payment.amount));
        return Response.ok(Body.of("status", "voided"));
    }

    private Response refund(String orderId) {
        Payment payment;
        synchronized (this) {
            payment = payments.get(orderId);
            if (payment != null && payment.status == Status.REFUNDED) {
                return Response.ok(Body.of("status", "refunded", "replayed", true));
            }
            if (payment == null || payment.status != Status.CAPTURED) {
                return Response.error(409, "not_refundable", "nothing captured for " + orderId);
            }
            payment.status = Status.REFUNDED;
        }
        log.emit(OrderSignals.PAYMENT_REFUNDED, "Refunded " + payment.amount + " cents",
                Field.of("order_id", orderId), Field.of("payment_id", payment.id), Field.of("amount_cents", payment.amount));
        return Response.ok(Body.of("status", "refunded"));
    }
}
