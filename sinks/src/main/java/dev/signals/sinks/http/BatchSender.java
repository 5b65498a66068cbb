package dev.signals.sinks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts one body, retrying with backoff on 5xx, 429 and connection errors (timeouts
 * included), never on other statuses, for a bounded number of attempts. A {@code Retry-After}
 * (seconds or date) on a 429 or 5xx is honoured: the next attempt never comes sooner; when it
 * asks for more than the longest backoff, the batch fails at once rather than hold the sink.
 * Runs on the calling thread.
 */
final class BatchSender {

    static final String NDJSON = "application/x-ndjson";

    /** Why a body was not delivered. */
    record Failure(int attempts, int status, String reason, Throwable cause) {
    }

    private final HttpClient client;
    /** The name prefix of the client's threads, or {@code null} when unknown. */
    private final String clientThreads;
    private final URI uri;
    private final RequestHeaders headers;
    private final Duration timeout;
    private final Backoff backoff;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    BatchSender(URI uri, RequestHeaders headers, Duration timeout, Backoff backoff) {
        this.uri = uri;
        this.headers = headers;
        this.timeout = timeout;
        this.backoff = backoff;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.clientThreads = clientThreadPrefix(client);
    }

    /**
     * The JDK client names its threads {@code HttpClient-<id>-SelectorManager} and
     * {@code HttpClient-<id>-Worker-<n>}, and says its id in {@code toString()} ({@code …(<id>)}).
     * {@code null} when a JDK says it otherwise: its threads are then not told apart.
     */
    private static String clientThreadPrefix(HttpClient client) {
        String text = client.toString();
        int open = text.lastIndexOf('(');
        if (open < 0 || !text.endsWith(")") || open + 2 > text.length() - 1) {
            return null;
        }
        String id = text.substring(open + 1, text.length() - 1);
        return id.chars().allMatch(Character::isDigit) ? "HttpClient-" + id + "-" : null;
    }

    /** Whether the thread named {@code threadName} is one of the client's own threads. */
    boolean isClientThread(String threadName) {
        return clientThreads != null && threadName != null && threadName.startsWith(clientThreads);
    }

    /**
     * Posts {@code body[0 .. length)}.
     *
     * @return {@code null} once a 2xx came back, else why not
     */
    Failure send(byte[] body, int length, boolean gzipped, int maxAttempts) {
        HttpRequest request = request(body, length, gzipped);
        String reason = "not attempted";
        Throwable cause = null;
        int status = 0;
        for (int attempt = 1; ; attempt++) {
            requests.incrementAndGet();
            Duration retryAfter = null;
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return null;
                }
                reason = "HTTP " + status;
                cause = null;
                if (!retryable(status)) {
                    return new Failure(attempt, status, reason + ", which is not retried", null);
                }
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            } catch (HttpTimeoutException e) {
                status = 0;
                reason = "timed out after " + timeout.toMillis() + " ms";
                cause = e;
            } catch (IOException e) {
                status = 0;
                reason = "connection failed: " + e;
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failure(attempt, status, "interrupted", e);
            } catch (RuntimeException e) {
                // The client refused the request itself (a security manager, a bad state): retrying will not help.
                return new Failure(attempt, 0, "request failed: " + e.getClass().getName(), e);
            }
            if (attempt >= maxAttempts) {
                return new Failure(attempt, status, reason, cause);
            }
            long wait;
            if (retryAfter != null) {
                if (retryAfter.toMillis() > backoff.maxMillis()) {
                    return new Failure(attempt, status, reason + " asking to retry after " + retryAfter.toSeconds()
                            + " s, longer than retryMaxBackoffMs (" + backoff.maxMillis() + ")", cause);
                }
                wait = retryAfter.toMillis();
            } else {
                wait = backoff.delayMillis(attempt);
            }
            if (!Backoff.pause(wait)) {
                return new Failure(attempt, status, reason + "; interrupted while waiting to retry", cause);
            }
            retries.incrementAndGet();
        }
    }

    /** 429 (too many requests) and 5xx are worth another attempt; other statuses will not change. */
    static boolean retryable(int status) {
        return status == 429 || (status >= 500 && status < 600);
    }

    private HttpRequest request(byte[] body, int length, boolean gzipped) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body, 0, length));
        if (!headers.has("Content-Type")) {
            b.header("Content-Type", NDJSON);
        }
        if (gzipped) {
            b.header("Content-Encoding", "gzip");
        }
        headers.addTo(b);
        return b.build();
    }

    /** Requests made, retries included. */
    long requests() {
        return requests.get();
    }

    /** Requests that were retries of a failed one. */
    long retries() {
        return retries.get();
    }

    /** The endpoint as messages show it: without user info, query or fragment, where secrets hide. */
    static String describe(URI uri) {
        StringBuilder sb = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        return sb.append(path == null || path.isEmpty() ? "/" : path).toString();
    }
}
