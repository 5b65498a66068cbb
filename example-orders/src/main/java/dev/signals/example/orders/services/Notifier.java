package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.ServiceName;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.resilience.CallException;
import dev.signals.example.orders.resilience.DeadLetterQueue;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the order service's notifications in the background, so a slow or failing notification
 * service never holds an order up. Each is retried; one that fails every attempt is parked in a
 * {@link DeadLetterQueue} and announced with {@link OrderSignals#NOTIFICATION_DEAD_LETTERED}.
 * Tasks run through {@link Signals#wrap(Executor)}, so they stay in the trace of the order that
 * sent them.
 */
public final class Notifier implements AutoCloseable {

    /**
     * A notification that could not be sent.
     *
     * @param orderId the order
     * @param kind what it was about, such as {@code order_shipped}
     * @param cause the last failure
     * @param attempts how many attempts were made
     * @param at when it was parked
     */
    public record DeadLetter(String orderId, String kind, String cause, int attempts, Instant at) {
    }

    private final Downstream notifications;
    private final DeadLetterQueue<DeadLetter> deadLetters;
    private final Emitter log;
    private final ExecutorService pool;
    private final Executor executor;

    public Notifier(Downstream notifications, DeadLetterQueue<DeadLetter> deadLetters, Emitter log) {
        if (notifications.target() != ServiceName.NOTIFICATION) {
            throw new IllegalArgumentException("a notifier calls the notification service");
        }
        this.notifications = notifications;
        this.deadLetters = deadLetters;
        this.log = log;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "order-notifier-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor = Signals.wrap(pool);
    }

    /** Sends a notification about {@code orderId} in the background. */
    public void send(String orderId, String kind, String email) {
        executor.execute(() -> {
            try {
                notifications.call("notify", "/notifications",
                        Body.of("order_id", orderId, "kind", kind, "email", email), orderId);
            } catch (CallException e) {
                deadLetters.add(new DeadLetter(orderId, kind, e.cause(), e.attempts(), Instant.now()));
                log.emit(OrderSignals.NOTIFICATION_DEAD_LETTERED, "Notification '" + kind
                                + "' failed every attempt; parked in the dead-letter queue",
                        Field.of("order_id", orderId), Field.of("kind", kind), Field.of("attempts", e.attempts()),
                        Field.of("cause", e.cause()), Field.of("dead_letters", deadLetters.added()));
            }
        });
    }

    public DeadLetterQueue<DeadLetter> deadLetters() {
        return deadLetters;
    }

    /** Sends what is queued (waiting up to 30 s), then stops. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
