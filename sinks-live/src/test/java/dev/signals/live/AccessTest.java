package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token, when set, guards every endpoint; without one, only a loopback address is served. */
class AccessTest {

    static final List<String> ENDPOINTS = List.of("/api/events", "/api/events/recent", "/api/stats", "/metrics",
            "/api/snapshots");

    @TempDir
    Path snapshots;

    @Test
    void withATokenEveryEndpointRefusesRequestsWithoutIt() throws Exception {
        URI url = LiveFixture.start(snapshots, 100, "\"token\": \"s3cr3t\"", "TRACE");
        for (String path : ENDPOINTS) {
            assertEquals(401, status(url.resolve(path), null), path);
            assertEquals(401, status(url.resolve(path + "?token=wrong"), null), path);
            assertEquals(401, status(url.resolve(path), "Bearer wrong"), path);
        }
        for (String path : ENDPOINTS) {
            if (!path.equals("/api/events")) { // a stream does not end: its success is checked below
                assertEquals(200, status(url.resolve(path), "Bearer s3cr3t"), path);
                assertEquals(200, status(url.resolve(path + "?token=s3cr3t"), null), path);
            }
        }
        try (SseClient sse = SseClient.open(url.resolve("/api/events?token=s3cr3t"), java.util.Map.of())) {
            assertTrue(sse != null);
        }
    }

    @Test
    void withoutATokenEveryEndpointAnswers() throws Exception {
        URI url = LiveFixture.start(snapshots, 100, "", "TRACE");
        for (String path : ENDPOINTS) {
            if (!path.equals("/api/events")) {
                assertEquals(200, status(url.resolve(path), null), path);
            }
        }
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefusedWithItsLocation() {
        ConfigException e = assertThrows(ConfigException.class, () -> Router.global().configure(
                "{\"sinks\": {\n  \"live\": {\"type\": \"live\", \"bind\": \"0.0.0.0\"}},\n"
                        + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"live\"]}]}", "bind-test.json"));
        assertTrue(e.getMessage().contains("bind-test.json"), e.getMessage());
        assertTrue(e.getMessage().contains("bind"), e.getMessage());
        assertTrue(e.getMessage().contains("token"), e.getMessage());
    }

    @Test
    void aPortInUseIsRefusedWithItsLocationAndTheRunningSinkStays() throws Exception {
        URI running = LiveFixture.start(snapshots, 100, "", "TRACE");
        ConfigException e = assertThrows(ConfigException.class, () -> Router.global().configure(
                "{\"sinks\": {\n  \"live\": {\"type\": \"live\", \"port\": " + running.getPort() + "}},\n"
                        + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"live\"]}]}", "port-test.json"));
        assertTrue(e.getMessage().contains("port-test.json:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("port"), e.getMessage());
        assertEquals(200, status(running.resolve("/api/stats"), null), "the sink in force still serves");
        assertEquals(List.of(running), LiveSink.openUrls(), "the refused sink never served; the replaced ones were closed");
    }

    @Test
    void aNonLoopbackAddressWithATokenIsServed() {
        URI url = LiveFixture.start(snapshots, 100, "\"bind\": \"0.0.0.0\", \"token\": \"t\"", "TRACE");
        assertTrue(url.getPort() > 0, url.toString());
    }

    @Test
    void tooManyStreamsAreRefusedWith503() throws Exception {
        URI url = LiveFixture.start(snapshots, 100, "\"maxSubscribers\": 1", "TRACE");
        try (SseClient one = SseClient.open(url.resolve("/api/events"), java.util.Map.of())) {
            assertEquals(503, status(url.resolve("/api/events"), null));
        }
    }

    static int status(URI uri, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return SseClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
