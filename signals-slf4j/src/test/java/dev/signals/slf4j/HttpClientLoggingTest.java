package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Router;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real library that logs through SLF4J: Apache HttpClient 5 calling a JDK HTTP server on
 * 127.0.0.1. Its DEBUG logging (request execution, headers, wire) arrives as Signals events of
 * the right signal with the logger name, on the calling thread, inside the caller's span; and
 * when DEBUG is not routed, the library finds DEBUG disabled and nothing is made at all. The
 * config's {@code "loggers"} levels raise and lower its loggers, ROOT covering the rest, and an
 * edit of the config file changes them.
 */
@CaptureSignals
class HttpClientLoggingTest {

    private static final String HEADERS = "org.apache.hc.client5.http.headers";
    private static final String WIRE = "org.apache.hc.client5.http.wire";
    private static final String CLIENT = "org.apache.hc.client5.http.impl.classic.InternalHttpClient";

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ping", exchange -> {
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServerAndMappings() {
        server.stop(0);
        Slf4jSignals.unmap(WIRE);
        Router.global().configure("{}", "test");
    }

    private String ping() throws IOException {
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            return client.execute(new HttpGet("http://127.0.0.1:" + server.getAddress().getPort() + "/ping"),
                    response -> EntityUtils.toString(response.getEntity()));
        }
    }

    @Test
    void theClientsDebugLoggingArrivesAsEventsInTheCallersSpan(CapturedSignals captured) throws IOException {
        String body;
        String spanId;
        try (Span span = Signals.span("call_ping", Field.of("peer", "ping-service"))) {
            spanId = span.spanId();
            body = ping();
        }
        assertEquals("pong", body);

        captured.assertEmitted(Signal.DEBUG).withField("logger", CLIENT)
                .withMessageContaining("preparing request execution").inSpan("call_ping")
                .thenEmitted(Signal.DEBUG).withField("logger", HEADERS).withMessageContaining(">> GET /ping HTTP/1.1")
                .thenEmitted(Signal.DEBUG).withField("logger", HEADERS).withMessageContaining("<< HTTP/1.1 200 OK");
        // The body may reach the wire log in the same read as the headers: no order asserted here.
        captured.assertEmitted(Signal.DEBUG).withField("logger", WIRE).withMessageContaining("pong").inSpan("call_ping");

        List<Event> fromTheClient = captured.events(Signal.DEBUG).stream()
                .filter(e -> e.field("logger").stringValue().startsWith("org.apache.hc.client5.")).toList();
        assertTrue(fromTheClient.size() >= 10, "the client logs every step of a request: " + fromTheClient.size());
        for (Event e : fromTheClient) {
            if (e.message().contains("GET /ping")) {
                assertEquals(spanId, e.spanId(), "the library's events carry the caller's trace context: " + e);
            }
        }
    }

    @Test
    void aMappedLoggerEmitsItsOwnSignals(CapturedSignals captured) throws IOException {
        Slf4jSignals.map(WIRE, "HTTP_WIRE");
        ping();

        Signal wireDebug = Slf4jSignals.signalFor(WIRE, Severity.DEBUG);
        assertEquals("HTTP_WIRE_DEBUG", wireDebug.name());
        captured.assertEmitted(wireDebug).withField("logger", WIRE).withMessageContaining(">> \"GET /ping HTTP/1.1[\\r][\\n]\"");
        captured.assertEmitted(Signal.DEBUG).withField("logger", HEADERS);
        assertFalse(captured.events(Signal.DEBUG).stream().anyMatch(e -> WIRE.equals(e.field("logger").stringValue())),
                "the wire logger no longer emits DEBUG");
    }

    @Test
    void aMinimumSeverityQuietsTheWireLogWhereDebugIsRouted(CapturedSignals captured) throws IOException {
        Slf4jSignals.minSeverity(WIRE, Severity.INFO);
        ping();

        assertFalse(LoggerFactory.getLogger(WIRE).isDebugEnabled());
        captured.assertEmitted(Signal.DEBUG).withField("logger", HEADERS).withMessageContaining(">> GET /ping HTTP/1.1");
        assertFalse(captured.events(Signal.DEBUG).stream().anyMatch(e -> WIRE.equals(e.field("logger").stringValue())),
                "no wire events: " + captured);
    }

    @Test
    void theConfigsLevelsRaiseAndLowerTheClientsLoggersAndAnEditChangesThem(CapturedSignals captured, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("signals.json");
        LibraryLogs.watch(file, "\"ROOT\": \"INFO\", \"org.apache.hc.client5.http.headers\": \"DEBUG\"");
        ping();

        captured.assertEmitted(Signal.DEBUG).withField("logger", HEADERS).withMessageContaining(">> GET /ping HTTP/1.1");
        assertEquals(List.of(), fromLogger(captured, WIRE), "ROOT INFO keeps the wire log off");
        assertEquals(List.of(), fromLogger(captured, CLIENT), "and the client's own DEBUG");

        LibraryLogs.edit(file, "\"ROOT\": \"WARN\", \"org.apache.hc.client5.http.wire\": \"DEBUG\"",
                () -> LoggerFactory.getLogger(WIRE).isDebugEnabled());
        captured.clear();
        ping();

        captured.assertEmitted(Signal.DEBUG).withField("logger", WIRE).withMessageContaining("pong");
        assertEquals(List.of(), fromLogger(captured, HEADERS), "the headers log, back under ROOT WARN");
    }

    private static List<Event> fromLogger(CapturedSignals captured, String logger) {
        return captured.events().stream().filter(e -> logger.equals(e.field("logger").stringValue())).toList();
    }

    @Test
    @CaptureSignals({"INFO", "WARN", "ERROR"})
    void withDebugUnroutedTheLibraryLogsNothing(CapturedSignals captured) throws IOException {
        assertFalse(LoggerFactory.getLogger(HEADERS).isDebugEnabled());
        assertEquals("pong", ping());
        assertEquals(List.of(), captured.events());
    }
}
