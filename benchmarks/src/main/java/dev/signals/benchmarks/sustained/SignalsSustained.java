package dev.signals.benchmarks.sustained;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Signals' {@code file} sink, configured from a config document as an application would:
 * {@code async} (the default variant) with {@code "async": {"queue": 65536, "overflow": "block"}}
 * — the settings docs/sinks.md recommends, a full queue making the producer wait so that nothing
 * is dropped — or {@code sync}, without {@code async}: each line written before {@code emit}
 * returns. Stopping is {@code Router.flush} (every queued line written), a look at the sink's
 * counters (nothing dropped or failed), then {@code Router.close}, which closes the file.
 *
 * <p>{@code java -cp benchmarks.jar dev.signals.benchmarks.sustained.SignalsSustained THREADS EVENTS_PER_THREAD FILE [async|sync]}
 */
public final class SignalsSustained implements Framework {

    private static final Signal ORDER_PLACED = Signal.of(OrderLine.SIGNAL, Severity.INFO);
    private static final String ASYNC = ", \"async\": {\"queue\": 65536, \"overflow\": \"block\"}";

    private final boolean async;

    private SignalsSustained(boolean async) {
        this.async = async;
    }

    public static void main(String[] args) throws Exception {
        String variant = SustainedRun.variant(args, "SignalsSustained THREADS EVENTS_PER_THREAD FILE [async|sync]");
        if (!"async".equals(variant) && !"sync".equals(variant)) {
            throw new IllegalArgumentException("unknown variant: " + variant);
        }
        SustainedRun.run(args, new SignalsSustained("async".equals(variant)));
    }

    @Override
    public String name() {
        return async ? "signals" : "signals-sync";
    }

    @Override
    public void start(Path file) {
        String path = file.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        Router.global().configure("{\"sinks\": {\"file\": {\"type\": \"file\", \"path\": \"" + path + "\""
                + (async ? ASYNC : "") + "}}, \"routes\": [{\"signals\": [\"" + OrderLine.SIGNAL
                + "\"], \"sinks\": [\"file\"]}]}", "sustained.json");
    }

    @Override
    public void emit(OrderLine order, int i) {
        Signals.emit(ORDER_PLACED, OrderLine.MESSAGE,
                Field.of(OrderLine.ORDER_ID, order.orderId),
                Field.of(OrderLine.ITEMS, OrderLine.items(i)),
                Field.of(OrderLine.AMOUNT, order.amount),
                Field.of(OrderLine.GIFT, order.gift));
    }

    @Override
    public void settle() {
        if (!Router.global().flush(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the file sink did not flush within 2 minutes");
        }
    }

    @Override
    public void stop() {
        Router router = Router.global();
        if (!router.flush(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the file sink did not flush within 2 minutes");
        }
        SinkStats s = router.stats().sink("file"); // read before close, which forgets the sinks
        if (s.delivered() != s.routed() || s.droppedTotal() != 0 || s.failures() != 0) {
            throw new IllegalStateException("the router lost events: " + s);
        }
        router.close(Duration.ofMinutes(2));
    }
}
