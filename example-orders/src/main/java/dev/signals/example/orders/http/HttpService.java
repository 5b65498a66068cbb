package dev.signals.example.orders.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Scope;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.SpanKind;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.ServiceName;
import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.chaos.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hosts one service on its own JDK {@link HttpServer}. For every request it continues the
 * caller's trace from the W3C trace headers ({@code traceparent}, {@code tracestate}), opens a
 * server span, holds the request for the latency chaos injects (and fails it when chaos says
 * so), refuses work whose caller's deadline has passed, and hands the rest to the service's
 * {@link Endpoint}. {@code GET /health} is answered here, outside chaos.
 *
 * <p>Emits {@link OrderSignals#SERVICE_STARTED} and {@link OrderSignals#SERVICE_STOPPED}, and
 * {@link OrderSignals#HTTP_SERVED} (DEBUG) for every request.
 */
public final class HttpService implements AutoCloseable {

    private static final String[] HEADERS = {Headers.DEADLINE, Headers.REQUEST_KEY, Headers.CLIENT_IP};

    private final ServiceName name;
    private final Endpoint endpoint;
    private final Chaos chaos;
    private final Emitter log;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong served = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final URI url;
    private final Object idle = new Object();
    // Guarded by idle.
    private int active;
    private volatile boolean stopping;
    private boolean closed;

    private HttpService(ServiceName name, Endpoint endpoint, Chaos chaos, HttpServer server, ExecutorService executor) {
        this.name = name;
        this.endpoint = endpoint;
        this.chaos = chaos;
        this.log = Signals.with(Field.of("service", name.id()));
        this.server = server;
        this.executor = executor;
        InetSocketAddress address = server.getAddress();
        this.url = URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    /**
     * Starts {@code name} on {@code host:port} (port 0 for any free port).
     *
     * @throws IOException when the port cannot be bound
     */
    public static HttpService start(ServiceName name, String host, int port, Endpoint endpoint, Chaos chaos)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name.id() + "-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        HttpService service = new HttpService(name, endpoint, chaos, server, executor);
        server.createContext("/", service::handle);
        server.start();
        service.log.emit(OrderSignals.SERVICE_STARTED, "The " + name + " service listens on " + service.url,
                Field.of("url", service.url.toString()));
        return service;
    }

    public ServiceName name() {
        return name;
    }

    /** The service's base URL, such as {@code http://127.0.0.1:40123/}. */
    public URI url() {
        return url;
    }

    @SuppressWarnings("try")
    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        synchronized (idle) {
            active++;
        }
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (stopping) {
                send(exchange, Response.error(503, "shutting_down", "the " + name + " service is stopping"));
                return;
            }
            if (method.equals("GET") && path.equals("/health")) {
                send(exchange, Response.ok(Body.of("service", name.id(), "status", "up")));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String h : HEADERS) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    headers.put(h, v);
                }
            }
            Body body;
            Response response = null;
            try {
                body = Body.parse(new String(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                body = Body.EMPTY;
                response = Response.error(400, "malformed_json", e.getMessage());
            }
            String orderId = body.string("order_id");
            Request request = new Request(method, path, body, headers,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            try (Scope remote = Signals.continueTraceFrom(exchange.getRequestHeaders()::get);
                 Span span = Signals.span(SpanKind.SERVER, name.id() + " " + method + " " + path, spanFields(method, path, orderId))) {
                if (response == null) {
                    response = serve(request, span);
                }
                if (response.status() >= 500) {
                    span.fail("HTTP " + response.status());
                }
                served.incrementAndGet();
                log.emit(OrderSignals.HTTP_SERVED, method + " " + path + " " + response.status(),
                        Field.of("method", method), Field.of("path", path), Field.of("status", response.status()),
                        Field.of("duration", Duration.ofNanos(System.nanoTime() - start)));
                send(exchange, response);
            }
        } catch (IOException clientGone) {
            // The caller stopped waiting (its timeout): there is nobody to answer.
        } finally {
            exchange.close();
            synchronized (idle) {
                if (--active == 0) {
                    idle.notifyAll();
                }
            }
        }
    }

    private Field[] spanFields(String method, String path, String orderId) {
        Field[] common = {Field.of("service", name.id()), Field.of("http.method", method), Field.of("http.path", path)};
        if (orderId == null) {
            return common;
        }
        Field[] all = java.util.Arrays.copyOf(common, common.length + 1);
        all[common.length] = Field.of("order_id", orderId);
        return all;
    }

    private Response serve(Request request, Span span) {
        Fault fault = chaos.decide(name, request.path(), request.header(Headers.REQUEST_KEY));
        if (!fault.delay().isZero()) {
            if (fault.spike()) {
                log.emit(OrderSignals.CHAOS_INJECTED, "Latency spike of " + fault.delay().toMillis() + " ms",
                        Field.of("fault", "latency_spike"), Field.of("path", request.path()),
                        Field.of("delay", fault.delay()));
            }
            try {
                Thread.sleep(fault.delay().toMillis(), (int) (fault.delay().toNanos() % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Response.error(503, "shutting_down", "the service is stopping");
            }
        }
        if (fault.error()) {
            log.emit(OrderSignals.CHAOS_INJECTED, fault.outage() ? "Request failed: simulated outage" : "Request failed by chaos",
                    Field.of("fault", fault.outage() ? "outage" : "error"), Field.of("path", request.path()));
            return Response.error(503, fault.outage() ? "outage" : "unavailable", "injected by chaos");
        }
        String deadline = request.header(Headers.DEADLINE);
        if (deadline != null) {
            try {
                long lateBy = System.currentTimeMillis() - Long.parseLong(deadline);
                if (lateBy > 0) {
                    log.emit(OrderSignals.DEADLINE_EXCEEDED, "The caller gave up " + lateBy + " ms ago; not processed",
                            Field.of("path", request.path()), Field.of("late_by", Duration.ofMillis(lateBy)));
                    return Response.error(504, "deadline_exceeded", "the caller's deadline passed");
                }
            } catch (NumberFormatException e) {
                return Response.error(400, "bad_deadline", "x-deadline-ms must be epoch milliseconds");
            }
        }
        try {
            return endpoint.handle(request);
        } catch (Exception e) {
            span.fail(e);
            log.emit(OrderSignals.HTTP_HANDLER_FAILED, "Handler for " + request.route() + " failed",
                    Field.of("path", request.path()), Field.error(e));
            return Response.error(500, "internal", String.valueOf(e));
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().toJson().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Stops the service gracefully: new requests are answered 503 {@code shutting_down}, the
     * requests in progress finish (waiting up to 30 s), the endpoint finishes its own work (the
     * order service's notifications), then the server stops and {@link OrderSignals#SERVICE_STOPPED}
     * is emitted. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopping = true;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (idle) {
                for (long left = deadline - System.nanoTime(); active > 0 && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endpoint.close();
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.emit(OrderSignals.SERVICE_STOPPED, "The " + name + " service stopped",
                Field.of("served", served.get()), Field.of("uptime", Duration.ofNanos(System.nanoTime() - startNanos)));
    }
}
