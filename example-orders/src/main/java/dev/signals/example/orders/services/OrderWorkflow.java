package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.resilience.CallException;
import java.time.Duration;

/**
 * Runs one order through the other services, as a saga: each step that fails undoes the steps
 * before it, and the order ends in exactly one of {@link OrderSignals#ORDER_SHIPPED} and
 * {@link OrderSignals#ORDER_CANCELLED}.
 *
 * <ol>
 *   <li>user: known and not blocked ({@link OrderSignals#SECURITY_BLOCKED_USER} otherwise);</li>
 *   <li>pricing: the total for the user's tier ({@link OrderSignals#ORDER_VALIDATED});</li>
 *   <li>inventory: reserve the units;</li>
 *   <li>payment: authorize, then capture ({@link OrderSignals#ORDER_PROCESSED}); a failure is
 *       {@link OrderSignals#PAYMENT_FAILED} and releases the stock (and voids an authorization);</li>
 *   <li>shipping: book the shipment; a failure refunds the payment and releases the stock.</li>
 * </ol>
 *
 * Then the customer is notified in the background. Thread-safe: one instance serves every order.
 */
public final class OrderWorkflow {

    private final Downstream users;
    private final Downstream pricing;
    private final Downstream inventory;
    private final Downstream payments;
    private final Downstream paymentCompensation;
    private final Downstream shipping;
    private final Notifier notifier;
    private final Emitter log;

    /**
     * @param payments payment calls, through the breaker
     * @param paymentCompensation voids and refunds: retried but not through the breaker, since
     *     compensation must be attempted even while new payments are refused
     */
    public OrderWorkflow(Downstream users, Downstream pricing, Downstream inventory, Downstream payments,
                         Downstream paymentCompensation, Downstream shipping, Notifier notifier, Emitter log) {
        this.users = users;
        this.pricing = pricing;
        this.inventory = inventory;
        this.payments = payments;
        this.paymentCompensation = paymentCompensation;
        this.shipping = shipping;
        this.notifier = notifier;
        this.log = log;
    }

    /** Processes {@code order} to its end. Never throws for a failure of another service. */
    public OrderOutcome process(Order order) {
        long start = System.nanoTime();
        String id = order.id();
        Field orderId = Field.of("order_id", id);
        log.emit(OrderSignals.ORDER_CREATED, "Order created", orderId, Field.of("user_id", order.userId()),
                Field.of("items", Item.toJson(order.items())), Field.of("units", Item.units(order.items())),
                Field.of("client_ip", order.clientIp()));

        Body user;
        try {
            user = users.call("lookup", "/users/lookup", Body.of("order_id", id, "user_id", order.userId()), id);
        } catch (CallException e) {
            return cancel(order, "user", "user_" + e.cause(), null, start);
        }
        String email = user.string("email");
        if (user.bool("blocked", false)) {
            log.emit(OrderSignals.SECURITY_BLOCKED_USER, "A blocked user tried to order", orderId,
                    Field.of("user_id", order.userId()), Field.of("client_ip", order.clientIp()));
            return cancel(order, "user", "user_blocked", null, start);
        }

        String tier = user.string("tier");
        long total;
        try {
            Body quote = pricing.call("quote", "/prices/quote",
                    Body.of("order_id", id, "items", Item.toJson(order.items()), "tier", tier), id);
            total = quote.number("total_cents", 0);
        } catch (CallException e) {
            return cancel(order, "pricing", "pricing_" + e.cause(), email, start);
        }
        log.emit(OrderSignals.ORDER_VALIDATED, "Order validated", orderId, Field.of("tier", tier),
                Field.of("total_cents", total), Field.of("currency", "EUR"));

        try {
            inventory.call("reserve", "/inventory/reserve", Body.of("order_id", id, "items", Item.toJson(order.items())), id);
        } catch (CallException e) {
            if (e.kind() != CallException.Kind.REJECTED) {
                // The outcome is unknown (a timeout): release, which also refuses a late reservation.
                release(order, "reservation_failed");
            }
            return cancel(order, "inventory", "inventory_" + e.cause(), email, start);
        }

        String paymentId;
        try {
            Body auth = payments.call("authorize", "/payments/authorize",
                    Body.of("order_id", id, "amount_cents", total, "currency", "EUR", "card", order.card()), id);
            paymentId = auth.string("payment_id");
        } catch (CallException e) {
            paymentFailed(order, "authorize", e, total);
            if (e.kind() == CallException.Kind.TIMEOUT) {
                compensatePayment(order, "void", "/payments/void");
            }
            release(order, "payment_failed");
            return cancel(order, "payment", "payment_" + e.cause(), email, start);
        }
        try {
            payments.call("capture", "/payments/capture", Body.of("order_id", id), id);
        } catch (CallException e) {
            paymentFailed(order, "capture", e, total);
            compensatePayment(order, "void", "/payments/void");
            release(order, "payment_failed");
            return cancel(order, "payment", "capture_" + e.cause(), email, start);
        }
        log.emit(OrderSignals.ORDER_PROCESSED, "Order paid and ready to ship", orderId,
                Field.of("payment_id", paymentId), Field.of("total_cents", total));

        Body shipment;
        try {
            shipment = shipping.call("ship", "/shipments", Body.of("order_id", id,
                    "items", Item.toJson(order.items()), "region", user.string("region")), id);
        } catch (CallException e) {
            compensatePayment(order, "refund", "/payments/refund");
            release(order, "shipping_failed");
            return cancel(order, "shipping", "shipping_" + e.cause(), email, start);
        }
        String tracking = shipment.string("tracking");
        log.emit(OrderSignals.ORDER_SHIPPED, "Order shipped", orderId, Field.of("carrier", shipment.string("carrier")),
                Field.of("tracking", tracking), Field.of("total_cents", total),
                Field.of("elapsed", Duration.ofNanos(System.nanoTime() - start)));
        notifier.send(id, "order_shipped", email);
        return new OrderOutcome(id, true, "shipping", "shipped", tracking);
    }

    private void paymentFailed(Order order, String stage, CallException e, long total) {
        log.emit(OrderSignals.PAYMENT_FAILED, "Payment failed at " + stage + ": " + e.cause(),
                Field.of("order_id", order.id()), Field.of("stage", stage), Field.of("cause", e.cause()),
                Field.of("attempts", e.attempts()), Field.of("amount_cents", total));
    }

    private void release(Order order, String reason) {
        try {
            inventory.call("release", "/inventory/release", Body.of("order_id", order.id(), "reason", reason), order.id());
        } catch (CallException e) {
            log.emit(OrderSignals.COMPENSATION_FAILED, "Could not release the reservation: stock stays held",
                    Field.of("order_id", order.id()), Field.of("action", "inventory.release"), Field.of("cause", e.cause()));
        }
    }

    private void compensatePayment(Order order, String operation, String path) {
        try {
            paymentCompensation.call(operation, path, Body.of("order_id", order.id()), order.id());
        } catch (CallException e) {
            log.emit(OrderSignals.COMPENSATION_FAILED, "Could not " + operation + " the payment"
                            + (operation.equals("void") ? ": the authorization will lapse" : ": refund by hand"),
                    Field.of("order_id", order.id()), Field.of("action", "payment." + operation), Field.of("cause", e.cause()));
        }
    }

    private OrderOutcome cancel(Order order, String stage, String reason, String email, long start) {
        log.emit(OrderSignals.ORDER_CANCELLED, "Order cancelled: " + reason, Field.of("order_id", order.id()),
                Field.of("reason", reason), Field.of("stage", stage),
                Field.of("elapsed", Duration.ofNanos(System.nanoTime() - start)));
        if (email != null) {
            notifier.send(order.id(), "order_cancelled", email);
        }
        return new OrderOutcome(order.id(), false, stage, reason, null);
    }
}
