package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.example.orders.ServiceName;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.ServiceClient;
import dev.signals.example.orders.resilience.CallException;
import dev.signals.example.orders.resilience.CircuitBreaker;
import dev.signals.example.orders.resilience.RetryPolicy;
import java.time.Duration;

/**
 * One service as a caller sees it: each call made with a timeout, retried by a
 * {@link RetryPolicy}, and, when there is one, through a {@link CircuitBreaker} (each attempt
 * asks the breaker, so an opening breaker stops the retries too). Thread-safe.
 */
public final class Downstream {

    private final ServiceClient client;
    private final ServiceName target;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;
    private final Emitter log;

    /**
     * @param breaker the breaker guarding {@code target}, or {@code null} for none
     */
    public Downstream(ServiceClient client, ServiceName target, Duration timeout, RetryPolicy retry,
                      CircuitBreaker breaker, Emitter log) {
        this.client = client;
        this.target = target;
        this.timeout = timeout;
        this.retry = retry;
        this.breaker = breaker;
        this.log = log;
    }

    /**
     * Calls {@code path} about {@code orderId}.
     *
     * @param operation names the call in signals: {@code payment.authorize}
     * @throws CallException the last attempt's failure, with the number of attempts made
     */
    public Body call(String operation, String path, Body body, String orderId) throws CallException {
        String call = target.id() + "." + operation;
        return retry.execute(call, orderId, log, attempt -> {
            String key = orderId + ":" + call + ":" + attempt;
            if (breaker == null) {
                return client.call(target, path, body, timeout, key);
            }
            return breaker.call(() -> client.call(target, path, body, timeout, key));
        });
    }

    public ServiceName target() {
        return target;
    }
}
