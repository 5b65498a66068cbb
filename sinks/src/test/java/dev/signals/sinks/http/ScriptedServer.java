package dev.signals.sinks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on 127.0.0.1 that answers from a script: each request takes the next
 * reply, or the standing one when the script is empty. It decodes gzip bodies, checks every
 * NDJSON line strictly, and counts the events of the batches it answered with a 2xx by their
 * {@code seq}, so that tests see duplicates and gaps.
 */
final class ScriptedServer implements AutoCloseable {

    /** One answer: a status, an optional {@code Retry-After}, and optionally a hold (a slow server). */
    record Reply(int status, String retryAfter, CountDownLatch hold) {
        static Reply status(int status) {
            return new Reply(status, null, null);
        }

        static Reply retryAfter(int status, String value) {
            return new Reply(status, value, null);
        }
    }

    /** One request as the server saw it. */
    record Request(long arrivedNanos, Map<String, List<String>> headers, List<Long> seqs, int status) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private volatile Reply standing = Reply.status(200);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Request> arrivals = new LinkedBlockingQueue<>();
    private final Map<Long, Integer> accepted = new HashMap<>();
    private final List<CountDownLatch> holds = new CopyOnWriteArrayList<>();
    private final List<Throwable> problems = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-server");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;
    private int port;

    ScriptedServer() throws IOException {
        start(0);
    }

    private synchronized void start(int wanted) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    synchronized void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    synchronized void restart() throws IOException {
        start(port);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/ingest");
    }

    /** Replies for the next requests, in order. */
    void script(Reply... replies) {
        for (Reply r : replies) {
            if (r.hold() != null) {
                holds.add(r.hold());
            }
            script.add(r);
        }
    }

    /** The reply once the script is used up. */
    void otherwise(Reply reply) {
        standing = reply;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The next request to arrive, waiting at most {@code timeout}; {@code null} if none came. */
    Request nextArrival(Duration timeout) throws InterruptedException {
        return arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Bodies that were not strict NDJSON of Event JSON lines. */
    List<Throwable> problems() {
        return List.copyOf(problems);
    }

    /** Events of 2xx batches, by seq: how many times each came. */
    synchronized Map<Long, Integer> accepted() {
        return new HashMap<>(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            List<Long> seqs = seqs(gzip ? gunzip(raw) : raw);
            Reply reply = script.poll();
            if (reply == null) {
                reply = standing;
            }
            if (reply.hold() != null) {
                reply.hold().await(30, TimeUnit.SECONDS);
            }
            if (reply.status() >= 200 && reply.status() < 300) {
                synchronized (this) {
                    for (long s : seqs) {
                        accepted.merge(s, 1, Integer::sum);
                    }
                }
            }
            Request request = new Request(arrived, headers, seqs, reply.status());
            requests.add(request);
            arrivals.add(request);
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | AssertionError e) {
            problems.add(e); // a malformed body: the test fails on it, not on a lost reply
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    private static byte[] gunzip(byte[] raw) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> seqs(byte[] body) {
        String text = JsonLines.utf8(body, body.length);
        List<Long> out = new ArrayList<>();
        for (String line : JsonLines.lines(text)) {
            out.add(((BigDecimal) JsonLines.parseLine(line + "\n").get("seq")).longValueExact());
        }
        return out;
    }

    @Override
    public void close() {
        for (CountDownLatch hold : holds) {
            hold.countDown();
        }
        synchronized (this) {
            server.stop(0);
        }
        pool.shutdownNow();
    }
}
