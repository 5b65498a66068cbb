package dev.signals.sinks.http;

import dev.signals.Event;
import dev.signals.router.spi.BatchFailedException;
import dev.signals.router.spi.BatchSink;
import dev.signals.router.spi.OwnThreads;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.json.SinkEncoder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Posts events in batches, as NDJSON (one line of Event JSON per event, {@code docs/format.md}),
 * optionally gzip-compressed, with the JDK's {@link java.net.http.HttpClient}.
 *
 * <p><b>When a batch leaves.</b> {@code accept} adds the event to the batch and posts the batch
 * when it holds {@code batchSize} events; {@link #flush()} posts what is gathered. Requests run
 * on the calling thread, so route this sink {@code async}: the router's worker then does the
 * waiting, and calls {@code flush()} after each of its batches and, once its queue has run dry,
 * after holding a partial batch for {@link #linger()}.
 *
 * <p><b>Accounting.</b> This is a {@link BatchSink}: the router counts an event delivered once
 * its batch has been answered with a 2xx, that is when a later {@code flush()} returns. A batch
 * is retried with backoff and jitter on 5xx, 429 (after at least its {@code Retry-After}) and
 * connection errors or timeouts, up to {@code maxAttempts} requests; other statuses are not
 * retried. When a batch finally fails, the call that posted it ({@code accept}, {@code flush}
 * or {@code close}) throws {@link BatchFailedException} listing the batch's events — the event
 * being accepted included — with an {@link HttpDeliveryException} as its cause: the router
 * diverts each of them to the fallback or counts it dropped, and feeds the breaker. The sink
 * then holds nothing.
 *
 * <p>After a failed batch the sink distrusts the endpoint: each {@code accept} posts its event
 * at once, in one attempt, so that during an outage every event fails on its own, quickly,
 * and feeds the breaker, until a post succeeds and batching resumes.
 *
 * <p>Thread-safe (one lock), but meant for one worker thread.
 */
public final class HttpSink implements BatchSink, OwnThreads {

    /** Events per batch when not configured (also for the {@code http} config type). */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** How long the router's worker may hold a partial batch when not configured. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(200);
    /** Requests per batch, the first included, when not configured. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** The first wait between attempts when not configured. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);
    /** The longest wait between attempts (and the longest {@code Retry-After} honoured) when not configured. */
    public static final Duration DEFAULT_RETRY_MAX_BACKOFF = Duration.ofSeconds(10);
    /** The connect and response timeout when not configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Object lock = new Object();
    private final String target;
    private final BatchSender sender;
    private final int batchSize;
    private final Duration linger;
    private final boolean gzip;
    private final int maxAttempts;
    private final SinkEncoder encoder = new SinkEncoder();
    private final NdjsonBatch batch = new NdjsonBatch();

    // Guarded by `lock`.
    private boolean distrusted;
    private boolean closed;

    // Written under `lock`, read by stats() without it (a post may be holding the lock).
    private volatile long accepted;
    private volatile long refused;
    private volatile long posted;
    private volatile long failed;
    private volatile long failedBatches;
    private volatile int pending;

    private HttpSink(Builder b, RequestHeaders headers) {
        this.target = BatchSender.describe(b.url);
        this.sender = new BatchSender(b.url, headers, b.timeout, new Backoff(b.retryBackoff, b.retryMaxBackoff));
        this.batchSize = b.batchSize;
        this.linger = b.linger;
        this.gzip = b.gzip;
        this.maxAttempts = b.maxAttempts;
    }

    /** A builder for a sink posting to {@code url} ({@code http} or {@code https}). */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /**
     * The HTTP client's own threads (its selector and its default executor): what the client
     * logs there while it sends this sink's batches must not come back to it.
     */
    @Override
    public boolean isOwnThread(String threadName) {
        return sender.isClientThread(threadName);
    }

    /** The configured linger: how long the router's worker may hold a partial batch once its queue is dry. */
    @Override
    public Duration linger() {
        return linger;
    }

    /**
     * Adds the event to the batch, and posts the batch when it is full (or at once while the
     * endpoint is distrusted).
     *
     * @throws BatchFailedException when the batch this call posted finally failed: it lists
     *     every event of the batch, this one included
     * @throws IllegalStateException after {@link #close()}; the event is not taken
     */
    @Override
    public void accept(Event event) throws BatchFailedException {
        synchronized (lock) {
            if (closed) {
                refused++;
                throw new IllegalStateException("the http sink for " + target + " is closed");
            }
            EventJsonWriter w = encoder.writer();
            int length;
            try {
                length = w.encode(event);
            } catch (RuntimeException e) {
                refused++;
                throw e;
            }
            batch.add(event, w.buffer(), length);
            accepted++;
            pending = batch.events();
            if (distrusted) {
                post(1);
            } else if (batch.events() >= batchSize) {
                post(maxAttempts);
            }
        }
    }

    /** Posts the batch, which leaves the sink whatever the outcome; on failure names its events and throws. */
    private void post(int attempts) throws BatchFailedException {
        List<Event> events = batch.eventList();
        BatchSender.Failure failure;
        try {
            failure = send(attempts);
        } finally {
            batch.clear();
            pending = 0;
        }
        if (failure == null) {
            posted += events.size();
            distrusted = false;
            return;
        }
        distrusted = true;
        failedBatches++;
        failed += events.size();
        // The endpoint, the reason and a count: never a header value.
        String message = "POST " + target + (failure.attempts() == 0 ? " not attempted"
                : " failed after " + failure.attempts() + " attempt" + (failure.attempts() == 1 ? "" : "s"))
                + " (" + failure.reason() + "); " + events.size() + " event(s) not delivered";
        HttpDeliveryException cause = new HttpDeliveryException(message, events.size(), failure.status(),
                failure.attempts(), failure.cause());
        throw new BatchFailedException(message, events, cause);
    }

    private BatchSender.Failure send(int attempts) {
        byte[] body;
        try {
            body = gzip ? batch.gzipped() : batch.array();
        } catch (RuntimeException e) {
            // No request was made, but the batch must still be named to the router, not dropped unseen.
            return new BatchSender.Failure(0, 0, "cannot build the request body: " + e.getClass().getName(), e);
        }
        return sender.send(body, gzip ? body.length : batch.size(), gzip, attempts);
    }

    /**
     * Posts the events gathered so far.
     *
     * @throws BatchFailedException when the batch finally failed; it lists the batch's events
     */
    @Override
    public void flush() throws BatchFailedException {
        synchronized (lock) {
            if (!batch.isEmpty()) {
                post(maxAttempts);
            }
        }
    }

    /**
     * Posts what is gathered and takes no more events.
     *
     * @throws BatchFailedException when that last batch finally failed; it lists the batch's events
     */
    @Override
    public void close() throws BatchFailedException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (!batch.isEmpty()) {
                post(maxAttempts);
            }
        }
    }

    /** This sink's figures now. */
    public HttpSinkStats stats() {
        return new HttpSinkStats(accepted, refused, posted, pending, failed, sender.requests(), sender.retries(),
                failedBatches);
    }

    /** The endpoint, without user info or query; never a header. */
    @Override
    public String toString() {
        return "http(" + target + ")";
    }

    /** Options of an {@link HttpSink}; every setter checks its argument at once, and no message quotes a header value. */
    public static final class Builder {
        private final URI url;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration linger = DEFAULT_LINGER;
        private boolean gzip;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration retryMaxBackoff = DEFAULT_RETRY_MAX_BACKOFF;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Function<String, String> environment = System::getenv;
        private final List<String[]> literalHeaders = new ArrayList<>();
        private final List<String[]> envHeaders = new ArrayList<>();

        private Builder(URI url) {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("the url must start with http:// or https://");
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("the url has no host");
            }
            this.url = url;
        }

        /** Post when the batch holds this many events; {@value #DEFAULT_BATCH_SIZE} by default. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How long the router's worker may hold a partial batch, once its queue has run dry,
         * before it flushes this sink: the longer, the fuller the batches at low rates; 200 ms
         * by default, {@link Duration#ZERO} to post as soon as the queue is dry.
         */
        public Builder linger(Duration linger) {
            if (linger.isNegative()) {
                throw new IllegalArgumentException("linger must not be negative");
            }
            this.linger = linger;
            return this;
        }

        /** Compress request bodies with gzip ({@code Content-Encoding: gzip}); off by default. */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /** Requests per batch, the first included; {@value #DEFAULT_MAX_ATTEMPTS} by default. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first wait between attempts, doubled each time up to {@code max}; 200 ms and 10 s by default. */
        public Builder retryBackoff(Duration base, Duration max) {
            if (base.isNegative() || max.compareTo(base) < 0) {
                throw new IllegalArgumentException("need 0 <= retry backoff <= retry max backoff");
            }
            this.retryBackoff = base;
            this.retryMaxBackoff = max;
            return this;
        }

        /** How long to wait for a connection, and then for a response; 10 s by default. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** A header sent with every request. The value is never shown in a message or log. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            RequestHeaders.check(name, value, "the value"); // fail here, at the call, not at build
            literalHeaders.add(new String[] {name, value});
            return this;
        }

        /**
         * A header whose value is {@code prefix} followed by the environment variable
         * {@code variable}, read when the sink is built: {@code headerFromEnv("Authorization",
         * "LOG_TOKEN", "Bearer ")}. The value is never shown in a message or log.
         */
        public Builder headerFromEnv(String name, String variable, String prefix) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(prefix, "prefix");
            envHeaders.add(new String[] {name, variable, prefix});
            return this;
        }

        /** Where {@link #headerFromEnv} looks variables up; {@code System::getenv} by default (tests give a map). */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * @throws IllegalArgumentException when a header's environment variable is not set, or
         *     its value cannot be a header value (the message names the variable, not the value)
         */
        public HttpSink build() {
            RequestHeaders headers = new RequestHeaders();
            for (String[] h : literalHeaders) {
                headers.add(h[0], h[1], "the value");
            }
            for (String[] h : envHeaders) {
                String value = environment.apply(h[1]);
                if (value == null) {
                    throw new IllegalArgumentException("header '" + h[0] + "': environment variable " + h[1]
                            + " is not set");
                }
                headers.add(h[0], h[2] + value, "environment variable " + h[1]);
            }
            return new HttpSink(this, headers);
        }
    }
}
