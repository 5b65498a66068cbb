package dev.signals.router;

import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import java.time.Duration;
import java.util.Objects;

/**
 * A route made in code with everything a config file can say, so that programmatic and
 * configured sinks behave alike:
 *
 * <pre>{@code
 * router.route("PAYMENT_*")
 *       .minSeverity(Severity.INFO)
 *       .where(e -> "payment-service".equals(e.field("service").stringValue()))
 *       .sample(10, 100, Duration.ofSeconds(1))
 *       .async(65_536, Overflow.BLOCK)
 *       .retry(3, Duration.ofMillis(100), Duration.ofSeconds(5))
 *       .circuitBreaker(5, Duration.ofSeconds(30))
 *       .fallback(stderrSink)
 *       .to(httpSink);
 * }</pre>
 *
 * Each setter checks its arguments at once; {@link #to} makes the route.
 */
public final class RouteBuilder {

    private final Router router;
    private final String pattern;
    private final DeliveryPolicy.Builder policy = DeliveryPolicy.builder();
    private Severity minSeverity = Severity.TRACE;
    private RouteFilter filter;
    private Sampler sampler;
    private RateLimit rateLimit;
    private String name;

    RouteBuilder(Router router, String pattern) {
        this.router = router;
        this.pattern = RoutePattern.parse(pattern).toString();
    }

    /** The sink's name in {@link Router#stats()}; by default, its class name and a number. */
    public RouteBuilder named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sink name must not be blank");
        }
        this.name = name;
        return this;
    }

    public RouteBuilder minSeverity(Severity severity) {
        this.minSeverity = Objects.requireNonNull(severity, "severity");
        return this;
    }

    /** Only events that pass {@code filter} take this route. */
    public RouteBuilder where(RouteFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /** Per signal and {@code interval}: the first {@code first} events, then one in {@code thereafter}. */
    public RouteBuilder sample(long first, long thereafter, Duration interval) {
        this.sampler = new Sampler(first, thereafter, interval.toNanos(), router.nanoTime());
        return this;
    }

    /**
     * At most {@code perSecond} events a second on this route, in bursts of up to {@code burst};
     * events beyond it are counted as dropped, {@code RATE_LIMITED}.
     *
     * @throws IllegalArgumentException for a rate or burst out of range
     */
    public RouteBuilder rateLimit(double perSecond, long burst) {
        this.rateLimit = new RateLimit(perSecond, burst, router.nanoTime());
        return this;
    }

    /** Deliver through a bounded queue on a worker thread; see {@link DeliveryPolicy.Builder#async}. */
    public RouteBuilder async(int queue, Overflow overflow) {
        policy.async(queue, overflow);
        return this;
    }

    public RouteBuilder blockTimeout(Duration timeout) {
        policy.blockTimeout(timeout);
        return this;
    }

    public RouteBuilder batchSize(int size) {
        policy.batchSize(size);
        return this;
    }

    public RouteBuilder retry(int attempts, Duration backoff, Duration maxBackoff) {
        policy.retry(attempts, backoff, maxBackoff);
        return this;
    }

    public RouteBuilder circuitBreaker(int failures, Duration open) {
        policy.circuitBreaker(failures, open);
        return this;
    }

    public RouteBuilder fallback(Sink sink) {
        policy.fallback(sink);
        return this;
    }

    /**
     * Makes the route to {@code sink}.
     *
     * @throws IllegalArgumentException when the delivery settings contradict each other (retry without async)
     */
    public Route to(Sink sink) {
        return router.route(pattern, minSeverity, filter, sampler, rateLimit, sink, policy.build(), name);
    }
}
