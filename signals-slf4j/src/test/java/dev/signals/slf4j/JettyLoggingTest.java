package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Severity;
import dev.signals.router.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real HTTP server, Jetty 12 on 127.0.0.1, serving a real request and logging through SLF4J:
 * its start lines arrive as INFO events with Jetty's logger names; {@code org.eclipse.jetty:
 * DEBUG} brings its debug lines where ROOT keeps every other library at INFO, a WARN for the
 * server's loggers silences the start lines, and an edit of the config file changes it.
 */
class JettyLoggingTest {

    private static final String JETTY = "org.eclipse.jetty";
    private static final String SERVER = "org.eclipse.jetty.server.Server";
    /** Logs each request's handling at DEBUG. */
    private static final String CONNECTION = "org.eclipse.jetty.server.internal.HttpConnection";

    private final LibraryLogs logs = new LibraryLogs();
    private Server server;

    @AfterEach
    void stopAndBackToTheTestConfig() throws Exception {
        if (server != null) {
            server.stop();
        }
        logs.close();
        Router.global().configure("{}", "test");
    }

    /** Starts a server answering {@code pong} on an ephemeral port of 127.0.0.1. */
    private void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                Content.Sink.write(response, true, "pong", callback);
                return true;
            }
        });
        server.start();
    }

    /** One HTTP/1.1 request over a plain socket (no client library whose logging would mix in). */
    private String get() throws IOException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void theServersStartLinesArriveWithItsLoggerNames() throws Exception {
        Router.global().configure("{\"loggers\": {\"ROOT\": \"INFO\"}}", "levels.json");
        start();
        String reply = get();

        assertTrue(reply.startsWith("HTTP/1.1 200 OK") && reply.endsWith("pong"), reply);
        logs.await(SERVER, "started", e -> e.signal().severity() == Severity.INFO && e.message().startsWith("Started "));
        logs.await("org.eclipse.jetty.server.AbstractConnector", "the connector and its address",
                e -> e.signal().severity() == Severity.INFO && e.message().contains("127.0.0.1:"));
        assertEquals(List.of(), logs.from(JETTY, Severity.DEBUG), "ROOT INFO: no Jetty DEBUG, though DEBUG is routed");
    }

    @Test
    void debugForJettyBringsItsDebugLinesWhereRootKeepsTheRestAtInfo() throws Exception {
        Router.global().configure("{\"loggers\": {\"ROOT\": \"INFO\", \"org.eclipse.jetty\": \"DEBUG\"}}", "levels.json");
        assertFalse(LoggerFactory.getLogger("com.example.App").isDebugEnabled(), "ROOT covers the rest");
        start();
        get();

        logs.await(CONNECTION, "the request's handling at DEBUG", e -> e.signal().severity() == Severity.DEBUG);
        assertEquals(List.of(), logs.from(JETTY, Severity.TRACE));
    }

    @Test
    void warnForTheServerSilencesItsStartLines() throws Exception {
        Router.global().configure("{\"loggers\": {\"ROOT\": \"DEBUG\", \"org.eclipse.jetty.server\": \"WARN\"}}", "levels.json");
        start();
        get();

        assertEquals(List.of(), logs.from("org.eclipse.jetty.server."), "below WARN for org.eclipse.jetty.server");
        assertFalse(logs.from("org.eclipse.jetty.util.", Severity.DEBUG).isEmpty(),
                "ROOT DEBUG for the rest of Jetty");
    }

    @Test
    void anEditOfTheConfigFileBringsJettysDebugLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.json");
        LibraryLogs.watch(file, "\"ROOT\": \"INFO\"");
        start();
        get();
        assertEquals(List.of(), logs.from(JETTY, Severity.DEBUG));

        LibraryLogs.edit(file, "\"ROOT\": \"INFO\", \"org.eclipse.jetty.server\": \"DEBUG\"",
                () -> LoggerFactory.getLogger(CONNECTION).isDebugEnabled());
        logs.clear();
        get();

        logs.await(CONNECTION, "the running server's loggers follow the edit", e -> e.signal().severity() == Severity.DEBUG);
        assertEquals(List.of(), logs.from("org.eclipse.jetty.io.", Severity.DEBUG), "outside the edited name: still INFO");
    }
}
