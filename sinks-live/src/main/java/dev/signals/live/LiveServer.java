package dev.signals.live;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server bound to one address, every endpoint behind the token check, each
 * exchange on a daemon thread of its own pool (an event stream holds its thread while open).
 *
 * <p><b>Handing a fixed port over.</b> A config reload makes the new sinks before it closes
 * the ones they replace, so a live sink with a fixed port would find its port still bound by
 * its predecessor. A server on a fixed port is therefore shared by the live sinks of the same
 * name, address and port that are open at once: each {@link #open} joins it as a
 * {@link Lease}, the newest lease's endpoints answer every new request, and closing a lease
 * hands the server back to the newest one left (a reload refused after the new sink was made
 * gives it back to the sink still in force). The last lease closed stops the server and frees
 * the port. Sinks of another name on the same port are refused as before (address in use).
 */
final class LiveServer {

    /** Servers on a fixed port, by sink name, address and port. Guarded by itself. */
    private static final Map<String, LiveServer> FIXED = new HashMap<>();

    private final String key;
    private final HttpServer server;
    private final ExecutorService pool;
    private final URI url;
    /** The leases open now, oldest first. Guarded by {@link #FIXED}. */
    private final List<Lease> leases = new ArrayList<>();
    /** The guarded endpoints of the newest lease, by path: what answers requests. */
    private volatile Map<String, HttpHandler> serving;

    private LiveServer(String key, String name, InetAddress address, int port, Iterable<String> paths) throws IOException {
        this.key = key;
        server = HttpServer.create(new InetSocketAddress(address, port), 64);
        for (String path : paths) {
            server.createContext(path, ex -> serving.get(path).handle(ex));
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "signals-live[" + name + "]-" + n.incrementAndGet());
            t.setDaemon(true); // an open stream never keeps the JVM alive
            return t;
        });
        server.setExecutor(pool);
        url = urlOf(address, server.getAddress().getPort());
    }

    /**
     * Serves {@code endpoints} (path prefix to handler, the same paths for every live sink) on
     * {@code address:port}: on a server of its own, or, for a fixed port that an open sink of
     * the same {@code name} serves, on that server, taking it over until the lease is closed.
     *
     * @throws IOException when the address cannot be bound
     */
    static Lease open(String name, InetAddress address, int port, String token, Map<String, HttpHandler> endpoints)
            throws IOException {
        Map<String, HttpHandler> guarded = new LinkedHashMap<>();
        endpoints.forEach((path, handler) -> guarded.put(path, new Guarded(token, handler)));
        if (port == 0) {
            LiveServer own = new LiveServer(null, name, address, 0, guarded.keySet());
            return own.lease(guarded);
        }
        String key = name + "@" + address.getHostAddress() + ":" + port;
        synchronized (FIXED) {
            LiveServer shared = FIXED.get(key);
            if (shared == null) {
                shared = new LiveServer(key, name, address, port, guarded.keySet());
                FIXED.put(key, shared);
            }
            return shared.lease(guarded);
        }
    }

    private Lease lease(Map<String, HttpHandler> endpoints) {
        Lease lease = new Lease(endpoints);
        synchronized (FIXED) {
            leases.add(lease);
            serving = endpoints;
            if (leases.size() == 1) {
                server.start();
            }
        }
        return lease;
    }

    private static URI urlOf(InetAddress address, int port) {
        String host = address.isAnyLocalAddress() ? hostName() : address.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port + "/");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Ends every exchange and waits up to a second for their threads (the server has stopped listening). */
    private void endExchanges() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One live sink's hold on a server: its endpoints answer while it is the newest open lease. */
    final class Lease {

        private final Map<String, HttpHandler> endpoints;

        private Lease(Map<String, HttpHandler> endpoints) {
            this.endpoints = endpoints;
        }

        /** Where the server answers, ending with {@code /}. */
        URI url() {
            return url;
        }

        /**
         * Gives the server back to the newest lease left, or, when none is left, stops it: it
         * stops listening (the port is free when this returns), ends every exchange and waits
         * up to a second for their threads. Idempotent.
         */
        void close() {
            boolean last;
            synchronized (FIXED) {
                if (!leases.remove(this)) {
                    return;
                }
                last = leases.isEmpty();
                if (last) {
                    if (key != null) {
                        FIXED.remove(key);
                    }
                    server.stop(0); // under the lock: a sink opening this port next finds it free
                } else {
                    serving = leases.get(leases.size() - 1).endpoints;
                }
            }
            if (last) {
                endExchanges();
            }
        }
    }
}
