package dev.signals.live;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server bound to one address, every endpoint behind the token check, each
 * exchange on a daemon thread of its own pool (an event stream holds its thread while open).
 */
final class LiveServer {

    private final HttpServer server;
    private final ExecutorService pool;
    private final URI url;

    /**
     * Binds and starts serving {@code endpoints} (path prefix to handler).
     *
     * @throws IOException when the address cannot be bound
     */
    LiveServer(String name, InetAddress address, int port, String token, Map<String, HttpHandler> endpoints)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 64);
        for (Map.Entry<String, HttpHandler> e : endpoints.entrySet()) {
            server.createContext(e.getKey(), new Guarded(token, e.getValue()));
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "signals-live[" + name + "]-" + n.incrementAndGet());
            t.setDaemon(true); // an open stream never keeps the JVM alive
            return t;
        });
        server.setExecutor(pool);
        server.start();
        url = urlOf(address, server.getAddress().getPort());
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

    /** Where the server answers, ending with {@code /}. */
    URI url() {
        return url;
    }

    /** Stops listening, ends every exchange, and waits up to a second for their threads. */
    void stop() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
