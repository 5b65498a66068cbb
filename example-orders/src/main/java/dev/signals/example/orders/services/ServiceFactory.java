package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.ServiceName;
import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Peers;
import dev.signals.example.orders.http.ServiceClient;
import dev.signals.example.orders.resilience.CircuitBreaker;
import dev.signals.example.orders.resilience.DeadLetterQueue;
import dev.signals.example.orders.resilience.RetryPolicy;
import dev.signals.example.orders.resilience.Sleeper;
import dev.signals.example.orders.security.RateLimiter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Builds each service's {@link Endpoint}, and the order service's resilience: the timeouts,
 * retry policies and payment breaker below.
 */
public final class ServiceFactory {

    /** Per-attempt timeouts of the order service's calls. */
    static final Duration USER_TIMEOUT = Duration.ofMillis(300);
    static final Duration PRICING_TIMEOUT = Duration.ofMillis(300);
    static final Duration INVENTORY_TIMEOUT = Duration.ofMillis(500);
    static final Duration PAYMENT_TIMEOUT = Duration.ofMillis(500);
    static final Duration SHIPPING_TIMEOUT = Duration.ofMillis(800);
    static final Duration NOTIFICATION_TIMEOUT = Duration.ofMillis(500);
    /** The payment breaker opens after this many consecutive failures… */
    static final int BREAKER_FAILURES = 5;
    /** …and probes again after this long. */
    static final Duration BREAKER_OPEN = Duration.ofSeconds(2);

    /** The services the order service calls. */
    public static final Set<ServiceName> ORDER_PEERS = EnumSet.complementOf(EnumSet.of(ServiceName.ORDER));

    private final long seed;
    private final Chaos chaos;
    private final HttpClient http;
    private final double clientRateLimit;

    /**
     * @param seed the run's seed (users, retry jitter)
     * @param chaos the faults the payment service's declines come from
     * @param http the client the order service calls with
     * @param clientRateLimit the order service's requests per second per client; 0 for none
     */
    public ServiceFactory(long seed, Chaos chaos, HttpClient http, double clientRateLimit) {
        this.seed = seed;
        this.chaos = chaos;
        this.http = http;
        this.clientRateLimit = clientRateLimit;
    }

    /**
     * The endpoint of {@code service}.
     *
     * @param peers where the other services listen (only the order service calls any)
     * @throws IllegalArgumentException when the order service lacks a peer's URL
     */
    public Endpoint create(ServiceName service, Peers peers) {
        switch (service) {
            case USER:
                return new UserService(new UserDirectory(seed));
            case PRICING:
                return new PricingService();
            case INVENTORY:
                return new InventoryService();
            case PAYMENT:
                return new PaymentService(chaos);
            case SHIPPING:
                return new ShippingService();
            case NOTIFICATION:
                return new NotificationService();
            default:
                return orderService(peers);
        }
    }

    private OrderService orderService(Peers peers) {
        for (ServiceName s : ORDER_PEERS) {
            if (!peers.has(s)) {
                throw new IllegalArgumentException("the order service needs the URL of the " + s
                        + " service: pass --peers " + s + "=http://HOST:PORT (and the others it lacks)");
            }
        }
        Emitter log = Signals.with(Field.of("service", ServiceName.ORDER.id()));
        ServiceClient client = new ServiceClient(ServiceName.ORDER, peers, http);
        RetryPolicy calls = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(400), seed, Sleeper.REAL);
        RetryPolicy notifications = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(800), seed, Sleeper.REAL);
        CircuitBreaker breaker = new CircuitBreaker("payment", BREAKER_FAILURES, BREAKER_OPEN, System::nanoTime, log);
        Notifier notifier = new Notifier(
                new Downstream(client, ServiceName.NOTIFICATION, NOTIFICATION_TIMEOUT, notifications, null, log),
                new DeadLetterQueue<>(10_000), log);
        OrderWorkflow workflow = new OrderWorkflow(
                new Downstream(client, ServiceName.USER, USER_TIMEOUT, calls, null, log),
                new Downstream(client, ServiceName.PRICING, PRICING_TIMEOUT, calls, null, log),
                new Downstream(client, ServiceName.INVENTORY, INVENTORY_TIMEOUT, calls, null, log),
                new Downstream(client, ServiceName.PAYMENT, PAYMENT_TIMEOUT, calls, breaker, log),
                new Downstream(client, ServiceName.PAYMENT, PAYMENT_TIMEOUT, calls, null, log),
                new Downstream(client, ServiceName.SHIPPING, SHIPPING_TIMEOUT, calls, null, log),
                notifier, log);
        int burst = (int) Math.max(1, Math.ceil(clientRateLimit * 2));
        return new OrderService(workflow, notifier, new RateLimiter(clientRateLimit, burst, System::nanoTime));
    }
}
