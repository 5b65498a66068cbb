package dev.signals.sinks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import dev.signals.router.config.ConfigObject;
import dev.signals.router.config.ConfigParser;
import dev.signals.router.spi.BatchSink;
import dev.signals.sinks.http.ScriptedServer.Request;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http} type in config files, found through the ServiceLoader like any sink type. */
class HttpSinkFactoryTest {

    private static final Signal SHIP = Signal.of("HTTP_CONFIG_SHIP");

    private ScriptedServer server;
    private final Router router = new Router();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        router.close(Duration.ofSeconds(5));
        server.close();
    }

    private String config(String options) {
        return "{\n  \"sinks\": {\n    \"ship\": {\"type\": \"http\", \"url\": \"" + server.uri() + "\",\n      "
                + options + "}\n  },\n  \"routes\": [{\"signals\": [\"HTTP_*\"], \"sinks\": [\"ship\"]}]\n}\n";
    }

    @Test
    void aConfiguredHttpSinkPostsWithItsHeaders() {
        String path = System.getenv("PATH");
        assumeTrue(path != null, "PATH is set, to read a header from the real environment");
        router.configure(config("\"async\": {\"queue\": 1024}, \"batchSize\": 100, \"lingerMs\": 50, \"gzip\": true,"
                + " \"maxAttempts\": 3, \"retryBackoffMs\": 10, \"retryMaxBackoffMs\": 100, \"timeoutMs\": 5000,"
                + " \"headers\": {\"X-Tenant\": \"acme\", \"X-Path\": {\"env\": \"PATH\"}}"), "signals.json");
        for (long seq = 1; seq <= 20; seq++) {
            router.dispatch(Event.builder(SHIP).sequence(seq).build());
        }
        assertTrue(router.flush(Duration.ofSeconds(5)));
        assertEquals(LongStream.rangeClosed(1, 20).boxed().collect(Collectors.toSet()), server.accepted().keySet());
        for (Request r : server.requests()) {
            assertEquals("acme", r.header("X-Tenant"));
            assertEquals(path, r.header("X-Path"));
            assertEquals("gzip", r.header("Content-Encoding"));
        }
    }

    @Test
    void theConfiguredSinkIsABatchSinkThatLingersForLingerMs() throws Exception {
        String json = config("\"async\": {}, \"lingerMs\": 75");
        ConfigObject settings = new ConfigObject(ConfigParser.parse(json, "app.json").get("sinks").get("ship"), "ship", "http");
        Sink sink = new HttpSinkFactory().create(settings);
        assertEquals(Duration.ofMillis(75), assertInstanceOf(BatchSink.class, sink).linger());
        sink.close();
    }

    @Test
    void withoutAsyncTheSinkIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(config("\"gzip\": true"), "app.json"));
        assertEquals("sinks.ship.async", e.path());
        assertTrue(e.getMessage().startsWith("app.json:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("needs \"async\""), e.getMessage());
    }

    @Test
    void badValuesAreRefusedWithFileLineColumnAndKey() {
        refused("\"batchSize\": 0", "sinks.ship.batchSize", "out of range");
        refused("\"lingerMs\": -1", "sinks.ship.lingerMs", "out of range");
        refused("\"maxAttempts\": 1000", "sinks.ship.maxAttempts", "out of range");
        refused("\"timeoutMs\": 0", "sinks.ship.timeoutMs", "out of range");
        refused("\"retryBackoffMs\": 500, \"retryMaxBackoffMs\": 100", "sinks.ship.retryMaxBackoffMs", "at least retryBackoffMs");
        refused("\"gzip\": 1", "sinks.ship.gzip", "true or false");
        refused("\"batchsize\": 10", "sinks.ship.batchsize", "unknown key 'batchsize' for sink type 'http'");
        refused("\"headers\": {\"X-Count\": 42}", "sinks.ship.headers.X-Count", "expected a string, or {\"env\"");
        refused("\"headers\": {\"Host\": \"elsewhere\"}", "sinks.ship.headers.Host", "cannot be set");
        refused("\"headers\": {\"Content-Encoding\": \"br\"}", "sinks.ship.headers.Content-Encoding", "set by the sink");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        String text = "{\"sinks\": {\"ship\": {\"type\": \"http\", \"url\": \"ftp://files.example.com/x\", \"async\": {}}}}";
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(text, "app.json"));
        assertEquals("sinks.ship.url", e.path());
        assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
    }

    private void refused(String options, String path, String problem) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> router.configure(config("\"async\": {}, " + options), "app.json"));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().startsWith("app.json:4:"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
