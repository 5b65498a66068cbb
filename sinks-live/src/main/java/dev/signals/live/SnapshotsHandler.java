package dev.signals.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.signals.sinks.snapshot.SnapshotSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /api/snapshots} (the snapshot sink's files, newest first),
 * {@code GET /api/snapshots/{file}} (one of them, as a download) and
 * {@code POST /api/snapshots?reason=…} (takes a snapshot now, within the sink's cool-down
 * and budget). Nothing outside the snapshot sink's directory is ever read or written.
 */
final class SnapshotsHandler implements HttpHandler {

    static final String PATH = "/api/snapshots";

    private final SnapshotSink sink;
    private final SnapshotFiles files;

    SnapshotsHandler(SnapshotSink sink) {
        this.sink = sink;
        this.files = sink == null ? null : new SnapshotFiles(sink.options().directory());
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (sink == null) {
            Responses.error(ex, 404, "the live sink has no snapshot sink: set its \"snapshots\" option");
            return;
        }
        String path = ex.getRequestURI().getPath();
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            if ("POST".equals(ex.getRequestMethod())) {
                take(ex);
            } else if (Methods.allow(ex, "GET")) {
                list(ex);
            }
        } else if (Methods.allow(ex, "GET")) {
            download(ex, path.substring(PATH.length() + 1));
        }
    }

    private void list(HttpExchange ex) throws IOException {
        var entries = files.list();
        Responses.json(ex, 200, gen -> {
            gen.writeStartObject();
            gen.writeArrayFieldStart("snapshots");
            for (SnapshotFiles.Entry e : entries) {
                gen.writeStartObject();
                gen.writeStringField("name", e.name());
                gen.writeStringField("reason", e.reason());
                gen.writeNumberField("bytes", e.bytes());
                gen.writeNumberField("modified", e.modifiedMillis());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    private void take(HttpExchange ex) throws IOException {
        String reason = QueryString.of(ex.getRequestURI()).get("reason");
        if (reason == null || reason.isBlank()) {
            throw new BadRequest("reason is required: POST /api/snapshots?reason=why");
        }
        boolean started = sink.snapshot(reason);
        Responses.json(ex, started ? 202 : 429, gen -> {
            gen.writeStartObject();
            gen.writeBooleanField("started", started);
            if (!started) {
                gen.writeStringField("why", "skipped: this reason is cooling down, the budget is spent, or the sink is closed");
            }
            gen.writeEndObject();
        });
    }

    private void download(HttpExchange ex, String name) throws IOException {
        Path file = files.resolve(name);
        if (file == null) {
            Responses.error(ex, 404, "no such snapshot");
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        ex.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
    }
}
