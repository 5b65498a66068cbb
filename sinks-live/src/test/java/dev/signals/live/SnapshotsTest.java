package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots are taken, listed and downloaded over HTTP, and nothing outside their directory is served. */
class SnapshotsTest {

    static final String OUTSIDE_NAME = "signals-1-20260101T000000.000Z-outside.jsonl.lz4";

    @TempDir
    Path root;

    @Test
    void aSnapshotTakenOnRequestIsListedAndDownloadable() throws Exception {
        Path dir = root.resolve("snapshots");
        URI url = LiveFixture.start(dir, 100, "", "TRACE");
        HttpResponse<String> taken = send(HttpRequest.newBuilder(url.resolve("/api/snapshots?reason=from%20the%20console"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(202, taken.statusCode(), taken.body());

        String name = awaitListed(url);
        assertTrue(name.endsWith("-from_the_console.jsonl.lz4"), name);
        HttpResponse<byte[]> file = SseClient.HTTP.send(HttpRequest.newBuilder(url.resolve("/api/snapshots/" + name)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(Files.readAllBytes(dir.resolve(name)), file.body());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(name));
        String written = "signals_snapshots_written_total{reason=from_the_console}";
        long deadline = System.nanoTime() + 10_000_000_000L; // the count follows the file's rename
        while (MetricsTest.scrape(url).get(written) == null) {
            assertTrue(System.nanoTime() - deadline < 0, "no " + written + " in " + MetricsTest.scrape(url).keySet());
            Thread.onSpinWait();
        }
        assertEquals(1.0, MetricsTest.scrape(url).get(written), "/metrics counts it under its reason");

        assertEquals(400, send(HttpRequest.newBuilder(url.resolve("/api/snapshots"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode(), "a reason is required");
    }

    @Test
    void pathsOutsideTheSnapshotDirectoryAreRefused() throws Exception {
        Path dir = Files.createDirectories(root.resolve("snapshots"));
        Files.writeString(root.resolve(OUTSIDE_NAME), "outside");
        Files.writeString(root.resolve("secret.txt"), "secret");
        Files.writeString(dir.resolve("notes.txt"), "not a snapshot");
        Files.createSymbolicLink(dir.resolve("signals-2-20260101T000000.000Z-link.jsonl.lz4"), root.resolve("secret.txt"));
        Files.createDirectory(dir.resolve("signals-3-20260101T000000.000Z-dir.jsonl.lz4"));
        URI url = LiveFixture.start(dir, 100, "", "TRACE");
        for (String path : new String[] {
                "/api/snapshots/..%2F" + OUTSIDE_NAME,
                "/api/snapshots/../" + OUTSIDE_NAME,
                "/api/snapshots/..%2Fsecret.txt",
                "/api/snapshots/%2E%2E/secret.txt",
                "/api/snapshots/notes.txt",
                "/api/snapshots/signals-2-20260101T000000.000Z-link.jsonl.lz4",
                "/api/snapshots/signals-3-20260101T000000.000Z-dir.jsonl.lz4",
                "/api/snapshots/" + root.resolve(OUTSIDE_NAME).toString().replace("/", "%2F")}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "") + path)).build());
            assertEquals(404, r.statusCode(), path + " -> " + r.body());
            assertTrue(!r.body().contains("outside") && !r.body().contains("secret"), r.body());
        }
        assertEquals("{\"snapshots\":[]}", send(HttpRequest.newBuilder(url.resolve("/api/snapshots")).build()).body(),
                "links, directories and other files are not listed");
    }

    private static String awaitListed(URI url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String body = send(HttpRequest.newBuilder(url.resolve("/api/snapshots")).build()).body();
            int at = body.indexOf("\"name\":\"");
            if (at >= 0) {
                return body.substring(at + 8, body.indexOf('"', at + 8));
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no snapshot listed within 10 s");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return SseClient.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
