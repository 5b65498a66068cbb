package dev.signals.benchmarks.compare;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The one event every framework logs: a message and five fields — two strings, a long, a
 * double and a boolean — held per producer thread.
 *
 * <p>The values are instance fields, not constants, so that the JIT reads them on every call as
 * it would read real data instead of folding them away. The long is beyond the small-value
 * cache of {@code Long.valueOf}, like a real order number, so a framework that boxes it pays for
 * the box as it would in production.
 *
 * <p>{@link #calls} counts the calls this thread made, including those JMH makes outside its
 * measurement window: the file scenarios check that the file holds exactly one line per call.
 */
@State(Scope.Thread)
public class Order {

    /** Key names, the same in every framework's output; {@link JsonLines} checks them. */
    public static final String MESSAGE = "Order placed";
    public static final String USER = "user";
    public static final String REGION = "region";
    public static final String ORDER_ID = "order_id";
    public static final String AMOUNT = "amount";
    public static final String GIFT = "gift";

    /** Every thread's instance in this fork; one fork runs one benchmark. */
    private static final Queue<Order> ALL = new ConcurrentLinkedQueue<>();

    public String user = "alice@example.com";
    public String region = "eu-west-1";
    public long orderId = 4_102_345_678L;
    public double amount = 129.95;
    public boolean gift = true;

    /** Calls made by this thread; written by it alone, read at iteration tear-down, when every thread has stopped. */
    public long calls;

    @Setup(Level.Trial)
    public void register() {
        ALL.add(this);
    }

    /** Calls made by every thread so far. Only meaningful while no thread is calling (tear-down). */
    static long totalCalls() {
        long sum = 0;
        for (Order o : ALL) {
            sum += o.calls;
        }
        return sum;
    }
}
