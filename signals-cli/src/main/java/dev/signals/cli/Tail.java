package dev.signals.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows a live sink's event stream, printing each event, and reconnects by itself after any
 * disconnection with {@code Last-Event-ID}, so that what was emitted meanwhile comes from the
 * sink's buffer. Events go to {@code out}; notices (connected, lost, gaps, retries) to {@code err}.
 */
final class Tail {

    /** Exit status when the server refuses the token. */
    static final int UNAUTHORISED = 3;
    /** Exit status when the server refuses the filters. */
    static final int BAD_REQUEST = 2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI stream;
    private final String token;
    private final Duration retry;
    private final boolean json;
    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile InputStream body;
    private String lastId;

    /**
     * @param stream the {@code /api/events} URL with its filters
     * @param token sent as {@code Authorization: Bearer}, or {@code null}
     * @param retry the wait before reconnecting
     * @param json print each event's JSON line as it came, instead of a readable line
     */
    Tail(URI stream, String token, Duration retry, boolean json, PrintStream out, PrintStream err) {
        this.stream = stream;
        this.token = token;
        this.retry = retry;
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /** Follows the stream until {@link #stop()} or a refusal that retrying cannot mend; returns the exit status. */
    int run() throws InterruptedException {
        while (stopped.getCount() > 0) {
            try {
                int refused = follow();
                if (refused != 0) {
                    return refused;
                }
                if (stopped.getCount() > 0) {
                    err.println("signals tail: the stream ended; reconnecting in " + retry.toMillis() + " ms");
                }
            } catch (IOException e) {
                if (stopped.getCount() > 0) {
                    err.println("signals tail: disconnected (" + e.getMessage() + "); reconnecting in " + retry.toMillis() + " ms");
                }
            }
            stopped.await(retry.toMillis(), TimeUnit.MILLISECONDS);
        }
        return 0;
    }

    /** One connection: returns 0 when it ended and may be retried, or the exit status of a refusal. */
    private int follow() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).GET().header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastId != null) {
            request.header("Last-Event-ID", lastId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        if (response.statusCode() != 200) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8).trim();
            err.println("signals tail: " + stream.resolve("/") + " answered " + response.statusCode() + ": " + text);
            return response.statusCode() == 401 ? UNAUTHORISED : response.statusCode() == 400 ? BAD_REQUEST : 0;
        }
        err.println("signals tail: following " + stream + (lastId == null ? "" : " from event " + lastId));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            SseMessage m;
            while ((m = SseMessage.read(in)) != null) {
                show(m);
            }
        }
        return 0;
    }

    private void show(SseMessage m) {
        switch (m.event()) {
            case "message" -> {
                if (m.id() != null) {
                    lastId = m.id();
                }
                out.println(json ? m.data() : PrettyEvent.format(m.data()));
            }
            case "lost" -> err.println("signals tail: this terminal fell behind and lost events: "
                    + PrettyEvent.printable(m.data()));
            case "gap" -> err.println("signals tail: events missed while disconnected are gone: "
                    + PrettyEvent.printable(m.data()));
            default -> err.println("signals tail: " + PrettyEvent.printable(m.event()) + ": "
                    + PrettyEvent.printable(m.data()));
        }
    }

    /** Ends {@link #run()}: closes the connection and stops retrying. */
    void stop() {
        stopped.countDown();
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException alreadyClosed) {
                // Nothing left to end.
            }
        }
    }
}
