package dev.signals.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Server-Sent Events client over java.net.http: parses messages as they arrive, on its own thread. */
final class SseClient implements AutoCloseable {

    /** One message: its {@code event} name ({@code message} by default), {@code id} (or null) and {@code data}. */
    record Message(String event, String id, String data) {
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final InputStream body;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean ended;

    /** A client reading Server-Sent Events from {@code body}, now or once {@link #startReading()} is called. */
    SseClient(InputStream body, boolean readNow) {
        this.body = body;
        this.reader = new Thread(this::readAll, "sse-client");
        this.reader.setDaemon(true);
        if (readNow) {
            reader.start();
        }
    }

    /** Opens a stream; returns once the server has answered (so the subscription is in place). */
    static SseClient open(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        return open(uri, headers, true);
    }

    private static SseClient open(URI uri, Map<String, String> headers, boolean readNow) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        headers.forEach(b::header);
        HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("status " + r.statusCode() + ": " + body);
        }
        return new SseClient(r.body(), readNow);
    }

    void startReading() {
        reader.start();
    }

    private void readAll() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        messages.add(new Message(event, id, data.toString()));
                    }
                    event = "message";
                    id = null;
                    data = null;
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                }
            }
        } catch (IOException closed) {
            // The test closed the stream.
        } finally {
            ended = true;
        }
    }

    /** The next message, or {@code null} when none came within {@code millis}. */
    Message poll(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Whether the stream has ended (every message it carried is queued by then). */
    boolean ended() {
        return ended;
    }

    /** The next message, or an AssertionError after {@code seconds}. */
    Message next(int seconds) throws InterruptedException {
        Message m = messages.poll(seconds, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + seconds + " s");
        }
        return m;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
