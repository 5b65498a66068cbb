package dev.signals.example.orders.load;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.SpanKind;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.Headers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Places orders with the order service as the {@link LoadPlan} says, each from a worker thread
 * inside a root span ({@code place_order}) whose trace headers go with the request, so
 * every service the order reaches is in one trace. {@link #run()} returns when every order has
 * its answer. Emits {@link OrderSignals#LOAD_STARTED}, {@link OrderSignals#LOAD_PHASE} at the
 * peak's edges, {@link OrderSignals#LOAD_PROGRESS} every 5 s and {@link OrderSignals#LOAD_FINISHED}.
 */
public final class LoadGenerator {

    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final LoadPlan plan;
    private final URI orders;
    private final HttpClient http;
    private final int concurrency;
    private final Emitter log = Signals.with(Field.of("service", "loadgen"));
    private final Outcomes outcomes = new Outcomes();

    /**
     * @param plan what to place
     * @param orderService the order service's base URL
     * @param http the client
     * @param concurrency the most orders in flight
     */
    public LoadGenerator(LoadPlan plan, URI orderService, HttpClient http, int concurrency) {
        this.plan = plan;
        this.orders = orderService.resolve("/orders");
        this.http = http;
        this.concurrency = concurrency;
    }

    /** Places every order of the plan and waits for every answer. */
    public LoadReport run() {
        log.emit(OrderSignals.LOAD_STARTED, "Placing orders at " + plan.rate() + "/s",
                Field.of("rate", plan.rate()), Field.of("duration", plan.duration() == null ? Duration.ZERO : plan.duration()),
                Field.of("max_orders", plan.maxOrders()), Field.of("peak", plan.peak()), Field.of("seed", plan.seed()));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "loadgen-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadgen-progress");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        progress.scheduleAtFixedRate(this::progress, PROGRESS_EVERY.toNanos(), PROGRESS_EVERY.toNanos(), TimeUnit.NANOSECONDS);
        List<Future<?>> placed = new ArrayList<>();
        try {
            OrderRequests requests = new OrderRequests(plan);
            boolean peak = false;
            for (OrderRequest request = requests.next(); request != null; request = requests.next()) {
                long due = start + request.offset().toNanos();
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (plan.inPeak(request.offset()) != peak) {
                    peak = !peak;
                    log.emit(OrderSignals.LOAD_PHASE, peak ? "Peak: orders arrive " + plan.peak() + "x faster" : "Peak over",
                            Field.of("phase", peak ? "peak" : "normal"), Field.of("rate", plan.rateAt(request.offset())));
                }
                outcomes.recordAttempt();
                OrderRequest r = request;
                placed.add(workers.submit(() -> place(r)));
            }
            for (Future<?> f : placed) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("placing an order failed unexpectedly", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            progress.shutdownNow();
            workers.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        log.emit(OrderSignals.LOAD_FINISHED, "Every order has its answer",
                Field.of("attempted", outcomes.attempted()), Field.of("shipped", outcomes.count(OrderResult.Status.SHIPPED)),
                Field.of("cancelled", outcomes.count(OrderResult.Status.CANCELLED)),
                Field.of("rejected", outcomes.count(OrderResult.Status.REJECTED)),
                Field.of("errors", outcomes.count(OrderResult.Status.ERROR)), Field.of("elapsed", elapsed));
        return new LoadReport(outcomes, elapsed);
    }

    @SuppressWarnings("try")
    private void place(OrderRequest request) {
        try (Span span = Signals.span(SpanKind.CLIENT, "place_order", Field.of("service", "loadgen"),
                Field.of("order_id", request.orderId()))) {
            OrderResult result = send(request, span);
            if (result.status() == OrderResult.Status.ERROR) {
                span.fail(result.cause());
            }
            outcomes.record(result);
        }
    }

    private OrderResult send(OrderRequest request, Span span) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(orders)
                .timeout(ORDER_TIMEOUT)
                .header("content-type", "application/json")
                .header(Headers.CLIENT_IP, request.clientIp())
                .header(Headers.REQUEST_KEY, request.orderId() + ":order.place:1")
                .POST(HttpRequest.BodyPublishers.ofString(request.toBody().toJson()));
        span.writeHeaders(builder::header);
        HttpRequest http = builder.build();
        HttpResponse<String> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new OrderResult(request.orderId(), OrderResult.Status.ERROR, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OrderResult(request.orderId(), OrderResult.Status.ERROR, "interrupted");
        }
        Body body;
        try {
            body = Body.parse(response.body());
        } catch (IllegalArgumentException e) {
            body = Body.EMPTY;
        }
        int status = response.statusCode();
        if (status == 200 && "shipped".equals(body.string("status"))) {
            return new OrderResult(request.orderId(), OrderResult.Status.SHIPPED, "shipped");
        }
        if (status == 200 && "cancelled".equals(body.string("status"))) {
            return new OrderResult(request.orderId(), OrderResult.Status.CANCELLED, body.string("reason"));
        }
        if (status >= 400 && status < 500 && body.string("error") != null) {
            return new OrderResult(request.orderId(), OrderResult.Status.REJECTED, body.string("error"));
        }
        return new OrderResult(request.orderId(), OrderResult.Status.ERROR, "http_" + status);
    }

    private void progress() {
        log.emit(OrderSignals.LOAD_PROGRESS, outcomes.attempted() + " orders placed, " + outcomes.inFlight() + " in flight",
                Field.of("attempted", outcomes.attempted()), Field.of("shipped", outcomes.count(OrderResult.Status.SHIPPED)),
                Field.of("cancelled", outcomes.count(OrderResult.Status.CANCELLED)),
                Field.of("rejected", outcomes.count(OrderResult.Status.REJECTED)), Field.of("in_flight", outcomes.inFlight()));
    }
}
