package dev.signals.sinks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import dev.signals.router.config.ConfigObject;
import dev.signals.router.config.ConfigParser;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import dev.signals.sinks.console.ConsoleJsonSink;
import dev.signals.sinks.http.ScriptedServer.Reply;
import dev.signals.sinks.http.ScriptedServer.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token taken from the environment reaches the server and nothing else: not stderr, not the
 * events the router reports failures with, not an exception message, not a config error.
 * Environment variables cannot be set inside the JVM, so the factory gets a map to look in.
 */
class HttpSecretsTest {

    private static final Signal SHIP = Signal.of("HTTP_SECRET_SHIP");

    private final String token = "tok-" + UUID.randomUUID();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, stderr), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(originalErr);
        server.close();
    }

    private ConfigObject settings(String headers) {
        String json = "{\"sinks\": {\"h\": {\"type\": \"http\", \"url\": \"" + server.uri() + "\",\n"
                + "  \"async\": {\"queue\": 256}, \"maxAttempts\": 2, \"retryBackoffMs\": 1, \"retryMaxBackoffMs\": 2,\n"
                + "  \"headers\": " + headers + "}}}";
        return new ConfigObject(ConfigParser.parse(json, "secrets.json").get("sinks").get("h"), "h", "http");
    }

    private HttpSink create(ConfigObject settings, Map<String, String> env) {
        HttpSink sink = (HttpSink) new HttpSinkFactory(env::get).create(settings);
        settings.accept("type", "async"); // read by the router in real use
        settings.rejectUnknownKeys();
        return sink;
    }

    @Test
    void anAuthorizationHeaderFromTheEnvironmentReachesTheServerButNoLogOrMessage() throws Exception {
        HttpSink sink = create(settings("{\"Authorization\": {\"env\": \"LOG_TOKEN\", \"prefix\": \"Bearer \"}}"),
                Map.of("LOG_TOKEN", token));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Router router = new Router(); // made after System.err was captured: its reports land there
        router.route("HTTP_*", Severity.TRACE, sink, DeliveryPolicy.builder().async(256, Overflow.BLOCK).build());
        router.route("SINK_*", new ConsoleJsonSink(log)); // what an application's log would hold

        server.otherwise(Reply.status(401)); // not retried: batches fail
        emit(router, 1, 5);
        server.otherwise(Reply.status(500)); // retried, and still failing
        emit(router, 6, 10);
        server.otherwise(Reply.status(200));
        emit(router, 11, 15);
        router.close(Duration.ofSeconds(5));

        for (Request r : server.requests()) {
            assertEquals("Bearer " + token, r.header("Authorization"), "every request carries the token");
        }
        assertEquals(LongStream.rangeClosed(11, 15).boxed().collect(Collectors.toSet()), server.accepted().keySet());
        SinkStats routed = router.stats().sinks().values().iterator().next();
        assertEquals(15, routed.routed());
        assertEquals(10, routed.dropped(DropReason.FAILURE), "the ten failed events are counted, with no fallback");
        assertEquals(5, routed.delivered(), "delivered = events that reached the server");
        assertEquals(routed.routed(), routed.delivered() + routed.diverted() + routed.droppedTotal());

        String logged = log.toString(StandardCharsets.UTF_8);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("SINK_FAILED") && logged.contains("HTTP 401"), "the failure was reported: " + logged);
        assertTrue(err.contains("HTTP 401"), "and written to stderr: " + err);
        for (String text : new String[] {logged, err, sink.toString(), sink.stats().toString()}) {
            assertFalse(text.contains(token), "the token leaked into: " + text);
        }
    }

    private static void emit(Router router, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            router.dispatch(Event.builder(SHIP).sequence(seq).build());
        }
        assertTrue(router.flush(Duration.ofSeconds(5)));
    }

    @Test
    void aValueThatCannotBeAHeaderIsRefusedWithoutShowingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(
                settings("{\"Authorization\": {\"env\": \"LOG_TOKEN\"}}"), Map.of("LOG_TOKEN", token + "\r\nX-Evil: 1")));
        assertEquals("sinks.h.headers.Authorization", e.path());
        assertTrue(e.getMessage().contains("environment variable LOG_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertFalse(stderr.toString(StandardCharsets.UTF_8).contains(token));

        IllegalArgumentException literal = assertThrows(IllegalArgumentException.class,
                () -> HttpSink.builder(server.uri()).header("Authorization", token + "\n"));
        assertFalse(literal.getMessage().contains(token), literal.getMessage());
    }

    @Test
    void aMissingVariableIsRefusedWhereItIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> create(settings("{\"Authorization\": {\"env\": \"LOG_TOKEN\"}}"), Map.of()));
        assertEquals("sinks.h.headers.Authorization.env", e.path());
        assertTrue(e.getMessage().startsWith("secrets.json:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("environment variable LOG_TOKEN is not set"), e.getMessage());

        ConfigException typo = assertThrows(ConfigException.class, () -> create(
                settings("{\"X-Key\": {\"env\": \"KEY\", \"prefx\": \"k=\"}}"), Map.of("KEY", token)));
        assertEquals("sinks.h.headers.X-Key.prefx", typo.path());
        assertFalse(typo.getMessage().contains(token), typo.getMessage());

        IllegalArgumentException built = assertThrows(IllegalArgumentException.class, () -> HttpSink.builder(server.uri())
                .headerFromEnv("Authorization", "LOG_TOKEN", "Bearer ").environment(Map.<String, String>of()::get).build());
        assertTrue(built.getMessage().contains("LOG_TOKEN is not set"), built.getMessage());
    }

    @Test
    void headersFromCodeAndFromConfigAgree() throws Exception {
        HttpSink fromCode = HttpSink.builder(server.uri()).headerFromEnv("X-Key", "KEY", "k=")
                .environment(Map.of("KEY", token)::get).build();
        fromCode.accept(Event.builder(SHIP).sequence(1).build());
        fromCode.close();
        HttpSink fromConfig = create(settings("{\"X-Key\": {\"env\": \"KEY\", \"prefix\": \"k=\"}, \"X-Plain\": \"p\"}"),
                Map.of("KEY", token));
        fromConfig.accept(Event.builder(SHIP).sequence(2).build());
        fromConfig.close();
        assertEquals(Set.of("k=" + token), server.requests().stream().map(r -> r.header("X-Key")).collect(Collectors.toSet()));
        assertEquals("p", server.requests().get(1).header("X-Plain"));
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
