package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reloading a config whose live sink has a fixed port, over real HTTP: the new sink takes the
 * bound server over from the one it replaces, the port never stops answering, and a client
 * whose stream ends with the old sink resumes with {@code Last-Event-ID} without losing or
 * repeating an event. A reload that moves the port frees the old one; a reload refused after
 * the new sink was made leaves the old one serving.
 */
@Timeout(120)
class LiveReloadTest {

    static final Signal STEP = Signal.of("RELOAD_STEP", Severity.INFO);
    static final Signal OTHER = Signal.of("RELOAD_OTHER", Severity.INFO);
    static final int EVENTS = 3_000;

    private static final List<Event> STARTED = new CopyOnWriteArrayList<>();

    static {
        Router.global().route(LiveSignals.LIVE_STARTED.name(), STARTED::add);
    }

    @AfterEach
    void noConfig() {
        Router.global().configure("{\"sinks\": {}, \"routes\": []}", "empty");
    }

    @Test
    void aReloadKeepingTheFixedPortKeepsServingAndAResumingClientLosesNothing() throws Exception {
        int port = freePort();
        URI url = configure(config(port, 16, "[\"RELOAD_STEP\"]", ""));
        assertEquals(port, url.getPort());
        Resuming client = new Resuming(url.resolve("/api/events?signal=RELOAD_*"));
        client.await("step 0", () -> Signals.emit(STEP, "step 0", Field.of("n", 0)));

        Thread emitter = new Thread(() -> {
            for (int n = 1; n < EVENTS; n++) {
                Signals.emit(STEP, "step " + n, Field.of("n", n));
            }
        }, "emitter");
        emitter.start();
        // Routes change (RELOAD_OTHER joins) and so does a live option: the router makes a new live sink.
        URI after = configure(config(port, 8, "[\"RELOAD_STEP\", \"RELOAD_OTHER\"]", ""));
        emitter.join();
        assertEquals(url, after, "the new sink serves where the old one did");
        Signals.emit(OTHER, "end");
        client.await("end", () -> { });

        List<String> expected = new ArrayList<>();
        for (int n = 0; n < EVENTS; n++) {
            expected.add("step " + n);
        }
        expected.add("end");
        assertEquals(expected, client.messages, "every event once, in order, across the reload");
        assertTrue(client.connections >= 2, "the old sink's stream ended and the client came back: " + client.connections);
        assertTrue(client.others.isEmpty(), "no gap, no loss announced: " + client.others);
        assertTrue(stats(url).contains("\"maxSubscribers\":8"), "the new sink answers: " + stats(url));
    }

    @Test
    void aReloadThatMovesThePortServesOnTheNewOneAndFreesTheOld() throws Exception {
        int first = freePort();
        URI before = configure(config(first, 16, "[\"RELOAD_STEP\"]", ""));
        try (SseClient open = SseClient.open(before.resolve("/api/events"), Map.of())) {
            int second = freePort();
            URI after = configure(config(second, 16, "[\"RELOAD_STEP\"]", ""));
            assertEquals(second, after.getPort());
            assertTrue(stats(after).contains("\"live\""));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!open.ended()) {
                assertTrue(System.nanoTime() < deadline, "the stream of the old port ends");
                open.poll(50);
            }
        }
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), first).close(),
                "nothing listens on the old port");
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), first)); // free for anyone
        }
    }

    @Test
    void aReloadRefusedAfterTheNewSinkWasMadeLeavesTheOldOneServing() throws Exception {
        int port = freePort();
        URI url = configure(config(port, 16, "[\"RELOAD_STEP\"]", ""));
        try (SseClient stream = SseClient.open(url.resolve("/api/events"), Map.of())) {
            // The live sink is made, then its unknown key refuses the whole file: the new sink is closed again.
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> Router.global().configure(config(port, 8, "[\"RELOAD_STEP\"]", ", \"colour\": \"red\""), "bad"));
            assertTrue(refused.getMessage().contains("colour"), refused.getMessage());
            Signals.emit(STEP, "still here");
            assertEquals("still here", Json.scalars(stream.next(10).data()).get("message"),
                    "the old sink's stream goes on");
            assertTrue(stats(url).contains("\"maxSubscribers\":16"), "the old sink answers again: " + stats(url));
            try (SseClient another = SseClient.open(url.resolve("/api/events"), Map.of())) {
                Signals.emit(STEP, "new client");
                assertEquals("new client", Json.scalars(another.next(10).data()).get("message"));
            }
        }
    }

    @Test
    void anotherLiveSinkOnTheSamePortIsRefusedNotHandedIt() throws Exception {
        int port = freePort();
        URI url = configure(config(port, 16, "[\"RELOAD_STEP\"]", ""));
        String twoOnOnePort = config(port, 16, "[\"RELOAD_STEP\"]", "").replace("\"live\": {",
                "\"mirror\": {\"type\": \"live\", \"port\": " + port + "}, \"live\": {");
        ConfigException refused = assertThrows(ConfigException.class, () -> Router.global().configure(twoOnOnePort, "two"));
        assertTrue(refused.getMessage().contains("sinks.mirror.port"), refused.getMessage());
        assertTrue(stats(url).contains("\"maxSubscribers\":16"), "the configured sink still serves");
    }

    /** A config with a buffer and a live sink on {@code port}, fed the signals {@code routed}. */
    private static String config(int port, int maxSubscribers, String routed, String extraLiveOptions) {
        return "{\"sinks\": {"
                + "\"timeline\": {\"type\": \"time-travel\", \"capacity\": " + (EVENTS * 2) + "},"
                + "\"live\": {\"type\": \"live\", \"port\": " + port + ", \"buffer\": \"timeline\", \"maxSubscribers\": "
                + maxSubscribers + extraLiveOptions + "}},"
                + "\"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"timeline\"]},"
                + "  {\"signals\": " + routed + ", \"sinks\": [\"live\"]}]}";
    }

    /** Applies {@code json}, which starts one live sink, and returns its URL. */
    private static URI configure(String json) {
        int before = STARTED.size();
        Router.global().configure(json, "reload-test");
        assertEquals(before + 1, STARTED.size(), "one LIVE_STARTED: " + STARTED);
        return URI.create(STARTED.get(before).field("url").stringValue());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String stats(URI url) throws Exception {
        HttpResponse<String> r = SseClient.HTTP.send(HttpRequest.newBuilder(url.resolve("/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** An event-stream client that reconnects with {@code Last-Event-ID} whenever its stream ends, as a browser does. */
    private static final class Resuming {
        final URI stream;
        final List<String> messages = new ArrayList<>();
        final List<SseClient.Message> others = new ArrayList<>();
        int connections;
        private SseClient current;
        private String lastId;

        Resuming(URI stream) throws Exception {
            this.stream = stream;
            connect();
        }

        private void connect() throws Exception {
            current = SseClient.open(stream, lastId == null ? Map.of() : Map.of("Last-Event-ID", lastId));
            connections++;
        }

        /** Runs {@code action}, then reads (reconnecting as needed) until the message {@code text} arrives. */
        void await(String text, Runnable action) throws Exception {
            action.run();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                SseClient.Message m = current.poll(50);
                if (m == null) {
                    if (current.ended()) {
                        current.close();
                        connect();
                    }
                    continue;
                }
                if (!m.event().equals("message")) {
                    others.add(m);
                    continue;
                }
                lastId = m.id();
                String message = Json.scalars(m.data()).get("message");
                messages.add(message);
                if (message.equals(text)) {
                    return;
                }
            }
            throw new AssertionError("'" + text + "' did not arrive; got " + messages.size() + " messages");
        }
    }
}
