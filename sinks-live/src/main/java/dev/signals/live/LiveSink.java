package dev.signals.live;

import com.sun.net.httpserver.HttpHandler;
import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.Sink;
import dev.signals.router.Router;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Serves a running process over HTTP: the events routed to this sink as a live stream with
 * filters, history from a time-travel buffer, the router's figures as JSON and as Prometheus
 * metrics, snapshots to list, download and take, and a web console (see {@code docs/live.md}).
 *
 * <p><b>Cost to emitters.</b> {@link #accept} tests each connected client's filter and puts a
 * matching event in that client's bounded ring: no lock, no allocation, no I/O, no wait. A
 * client that falls behind loses its oldest events, is told how many, and they are counted.
 * With no client connected, {@code accept} reads one array and returns.
 *
 * <p><b>Reloads.</b> A sink made while an open sink of the same name serves the same fixed
 * address and port (a config reload makes the new sink before it closes the old) takes that
 * server over instead of failing to bind; closing either hands it to the other, and the last
 * one closed frees the port.
 *
 * <p><b>Safety.</b> Binds to {@code 127.0.0.1} unless told otherwise, and refuses any other
 * address without a token. Events are written by the same encoder as every other sink, so
 * secret fields are masked and the config's {@code redact} has already applied.
 */
public final class LiveSink implements Sink {

    /** The sinks serving in this JVM, oldest first. */
    private static final List<LiveSink> OPEN = new CopyOnWriteArrayList<>();

    private final Subscribers subscribers;
    private final LiveServer.Lease server;

    /**
     * Starts serving as {@code options} say, then emits {@link LiveSignals#LIVE_STARTED} with the URL
     * through {@code Signals} (the global router, whichever router {@code options} name).
     *
     * @throws IllegalArgumentException for a non-loopback address without a token, or an unknown host
     * @throws UncheckedIOException when the address cannot be bound (and no open sink of the same
     *     name serves it: see the class comment)
     */
    public LiveSink(LiveOptions options) {
        InetAddress address = address(options.bind());
        if (!address.isLoopbackAddress() && options.token() == null) {
            throw new IllegalArgumentException("refusing to serve on " + options.bind()
                    + " without a token: anyone who can reach it would read every event; set a token or bind 127.0.0.1");
        }
        this.subscribers = new Subscribers(options.maxSubscribers(), options.subscriberQueue());
        Router fixed = options.router();
        Supplier<Router> router = fixed != null ? () -> fixed : Router::global;
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new LiveMetrics(router, subscribers, options.snapshots()));
        Map<String, HttpHandler> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/events", new EventStreamHandler(subscribers, options.buffer()));
        endpoints.put("/api/events/recent", new RecentHandler(options.buffer()));
        endpoints.put("/api/stats", new StatsHandler(router, subscribers));
        endpoints.put("/metrics", new MetricsHandler(registry));
        endpoints.put(SnapshotsHandler.PATH, new SnapshotsHandler(options.snapshots()));
        endpoints.put("/", new ConsoleHandler());
        try {
            this.server = LiveServer.open(options.name(), address, options.port(), options.token(), endpoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        OPEN.add(this);
        Signals.emit(LiveSignals.LIVE_STARTED, "Live console of sink '" + options.name() + "' at " + server.url(),
                Field.of("sink", options.name()), Field.of("url", server.url().toString()));
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + bind + "'", e);
        }
    }

    /** Hands {@code event} to every connected client whose filter it passes; never blocks or throws. */
    @Override
    public void accept(Event event) {
        subscribers.offer(event);
    }

    /**
     * Where the live sinks of this JVM serve now, oldest first: how a program finds the port a
     * sink configured with {@code "port": 0} took, besides the {@code LIVE_STARTED} event.
     */
    public static List<URI> openUrls() {
        List<URI> urls = new ArrayList<>();
        for (LiveSink s : OPEN) {
            urls.add(s.url());
        }
        return urls;
    }

    /** Where the sink serves, ending with {@code /}. */
    public URI url() {
        return server.url();
    }

    /** Clients of the event stream connected now. */
    public int subscribers() {
        return subscribers.count();
    }

    /** Events clients lost, past and present, by falling behind. */
    public long subscriberLosses() {
        return subscribers.lost();
    }

    /** Ends every stream and stops serving. Idempotent. */
    @Override
    public void close() {
        OPEN.remove(this);
        subscribers.closeAll();
        server.close();
    }

    @Override
    public String toString() {
        return "LiveSink[" + server.url() + "]";
    }
}
