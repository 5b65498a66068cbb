package dev.signals.benchmarks.sustained;

/**
 * The one event every framework writes in the sustained comparison: the message
 * {@value #MESSAGE} and four fields — {@code order_id} (a string), {@code items} (an int that
 * changes with every event), {@code amount} (a double) and {@code gift} (a boolean) — beside the
 * framework's own keys {@code time}, {@code seq}, {@code signal}, {@code severity} and
 * {@code thread}. {@link LineCheck} checks that every sampled line carries all of them, each in
 * its JSON type.
 *
 * <p>The values sit in a non-final instance so that the JIT reads them on every call instead of
 * folding them into constants, as it would not for real data.
 */
final class OrderLine {

    static final String SIGNAL = "ORDER_PLACED";
    static final String MESSAGE = "Order placed";
    static final String ORDER_ID = "order_id";
    static final String ITEMS = "items";
    static final String AMOUNT = "amount";
    static final String GIFT = "gift";

    String orderId = "o-4102345678";
    double amount = 129.95;
    boolean gift = true;

    /** The {@code items} value of the {@code i}-th event of a thread: 1 to 8. */
    static int items(int i) {
        return (i & 7) + 1;
    }
}
