package dev.signals.example.orders.services;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.ServiceName;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Headers;
import dev.signals.example.orders.http.Request;
import dev.signals.example.orders.http.Response;
import dev.signals.example.orders.security.InputInspector;
import dev.signals.example.orders.security.RateLimiter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order service, the edge clients talk to: {@code POST /orders {"order_id", "user_id",
 * "items", "card", "note"}}. Before an order exists it guards the door — a rate limit per client
 * address (429, {@link OrderSignals#SECURITY_RATE_LIMITED}), suspicious input (400,
 * {@link OrderSignals#SECURITY_SUSPICIOUS_INPUT}), malformed or repeated orders (400, 409) —
 * then hands the order to the {@link OrderWorkflow} and answers how it ended (200).
 */
public final class OrderService implements Endpoint {

    private static final int MAX_QUANTITY = 10;

    private final OrderWorkflow workflow;
    private final Notifier notifier;
    private final RateLimiter rateLimiter;
    private final InputInspector inspector = new InputInspector();
    private final Emitter log = Signals.with(Field.of("service", ServiceName.ORDER.id()));
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public OrderService(OrderWorkflow workflow, Notifier notifier, RateLimiter rateLimiter) {
        this.workflow = workflow;
        this.notifier = notifier;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Response handle(Request request) {
        if (!request.route().equals("POST /orders")) {
            return Response.error(404, "no_such_route", request.route());
        }
        String forwarded = request.header(Headers.CLIENT_IP);
        String client = forwarded != null ? forwarded.split(",")[0].trim() : request.remoteAddress();
        String orderId = request.body().string("order_id");
        if (!rateLimiter.tryAcquire(client)) {
            log.emit(OrderSignals.SECURITY_RATE_LIMITED, "Client over its rate limit; request refused",
                    Field.of("client_ip", client), Field.of("limit_per_s", rateLimiter.ratePerSecond()),
                    Field.of("order_id", String.valueOf(orderId)));
            return Response.error(429, "rate_limited", "too many requests from " + client);
        }
        Optional<InputInspector.Finding> finding = inspect(request);
        if (finding.isPresent()) {
            InputInspector.Finding f = finding.get();
            log.emit(OrderSignals.SECURITY_SUSPICIOUS_INPUT, "Suspicious input refused: " + f.pattern(),
                    Field.of("field", f.field()), Field.of("pattern", f.pattern()), Field.of("input", f.input()),
                    Field.of("client_ip", client), Field.of("order_id", String.valueOf(orderId)));
            return Response.error(400, "suspicious_input", f.pattern() + " in " + f.field());
        }
        List<Item> items = Item.fromBody(request.body());
        String userId = request.body().string("user_id");
        if (orderId == null || !orderId.matches("ord-[A-Za-z0-9-]{1,40}") || userId == null || items.isEmpty()
                || items.stream().anyMatch(i -> i.sku() == null || i.quantity() < 1 || i.quantity() > MAX_QUANTITY)) {
            return Response.error(400, "invalid_order", "order_id (ord-…), user_id and items (1 to "
                    + MAX_QUANTITY + " units each) are required");
        }
        if (!seen.add(orderId)) {
            return Response.error(409, "duplicate_order", orderId + " was already placed");
        }
        Order order = new Order(orderId, userId, items, client, request.body().string("card"));
        return Response.ok(workflow.process(order).toBody());
    }

    private Optional<InputInspector.Finding> inspect(Request request) {
        Optional<InputInspector.Finding> f = inspector.inspect("note", request.body().string("note"));
        if (f.isEmpty()) {
            f = inspector.inspect("user_id", request.body().string("user_id"));
        }
        for (Item item : Item.fromBody(request.body())) {
            if (f.isEmpty()) {
                f = inspector.inspect("sku", item.sku());
            }
        }
        return f;
    }

    /** Sends the notifications still queued, then stops. */
    @Override
    public void close() {
        notifier.close();
    }
}
