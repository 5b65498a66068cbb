package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code http} sink routed DEBUG, in a JVM where the JDK HTTP client's own debug logging
 * reaches Signals (through this module's System.Logger backend): what the client logs while
 * sending the sink's batches, on the caller's thread and on the client's own selector thread,
 * never flows back into that sink. Before, one application event became thousands, without end.
 */
class HttpSinkOwnLoggingTest {

    @Test
    void theSinksOwnHttpClientLoggingNeverFeedsItself(@TempDir Path dir) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger lines = new AtomicInteger();
        AtomicInteger clientLines = new AtomicInteger();
        AtomicInteger applicationLines = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ingest", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                requests.incrementAndGet();
                lines.addAndGet((int) text.lines().count());
                text.lines().forEach(line -> {
                    if (line.contains("\"thread\":\"HttpClient-")
                            || line.contains("\"thread\":\"signals-async-collector")) {
                        clientLines.incrementAndGet();
                    } else if (line.contains("\"signal\":\"ORDER_PLACED\"")) {
                        applicationLines.incrementAndGet();
                    }
                });
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            Path config = dir.resolve("signals.json");
            Files.writeString(config, "{\"sinks\": {\"collector\": {\"type\": \"http\", \"url\": \"http://127.0.0.1:"
                    + server.getAddress().getPort() + "/ingest\", \"batchSize\": 1, \"async\": {\"queue\": 1024}}},"
                    + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"collector\"]}]}");
            Path log = dir.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djdk.internal.httpclient.debug=true", "-Dsignals.config=" + config,
                    "-cp", System.getProperty("java.class.path"), HttpSinkOwnLoggingMain.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not finish: " + tail(log));
            }
            String output = Files.readString(log);
            assertEquals(0, child.exitValue(), tail(log));
            Matcher m = Pattern.compile("routed=(\\d+) delivered=(\\d+) feedback=(\\d+)").matcher(output);
            assertTrue(m.find(), tail(log));
            long feedback = Long.parseLong(m.group(3));
            assertTrue(feedback > 0, "the client's own logging did reach the router, and was held back: " + m.group());
            assertEquals(1, applicationLines.get(), "the application's event arrives: " + m.group());
            assertEquals(0, clientLines.get(), "none of the client's logging while it sends reaches the collector ("
                    + lines.get() + " lines in " + requests.get() + " requests, the others the JDK's logging on the main"
                    + " thread while the sink was built); " + m.group());
        } finally {
            server.stop(0);
        }
    }

    private static String tail(Path log) throws java.io.IOException {
        String all = Files.readString(log);
        return all.length() <= 4_000 ? all : all.substring(all.length() - 4_000);
    }
}
