package dev.signals.example.orders.load;

/**
 * How one order placed by the load generator ended, as the client saw it.
 *
 * @param orderId the order
 * @param status what happened
 * @param cause {@code shipped}, the cancellation reason, the refusal's error code, or the client-side error
 */
public record OrderResult(String orderId, Status status, String cause) {

    /** The four ways an order ends for the client. */
    public enum Status {
        /** The order service shipped it. */
        SHIPPED,
        /** The order service accepted it and then cancelled it (the saga compensated). */
        CANCELLED,
        /** The order service refused it before creating it: rate limit, suspicious input, invalid. */
        REJECTED,
        /** No usable answer: the order service was unreachable or answered an unexpected status. */
        ERROR
    }
}
