package dev.signals.example.orders.services;

import dev.signals.example.orders.http.Body;

/**
 * How an order ended.
 *
 * @param orderId the order
 * @param shipped true when shipped, false when cancelled
 * @param stage where it ended: {@code shipping} when shipped, else the step that failed
 * @param reason {@code shipped}, or why it was cancelled: {@code payment_declined},
 *     {@code inventory_out_of_stock}, {@code payment_circuit_open}…
 * @param tracking the tracking number when shipped, else {@code null}
 */
public record OrderOutcome(String orderId, boolean shipped, String stage, String reason, String tracking) {

    /** The order service's answer to the client. */
    public Body toBody() {
        Body body = Body.of("order_id", orderId, "status", shipped ? "shipped" : "cancelled", "stage", stage,
                "reason", reason);
        return tracking == null ? body : body.with("tracking", tracking);
    }
}
