package dev.signals.sinks.http;

import dev.signals.Sink;
import dev.signals.router.config.ConfigException;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Type {@code http}: an {@link HttpSink}. Options: {@code "url"} (required), {@code "batchSize"},
 * {@code "lingerMs"}, {@code "gzip"}, {@code "headers"}, {@code "maxAttempts"},
 * {@code "retryBackoffMs"}, {@code "retryMaxBackoffMs"}, {@code "timeoutMs"}; and the sink must
 * be {@code "async"}. A header value is a string, or {@code {"env": "NAME", "prefix": "..."}}
 * to take it from the environment. See {@code docs/sinks.md}.
 */
public final class HttpSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "http";

    private static final Duration HOUR = Duration.ofHours(1);

    private final Function<String, String> environment;

    /** The factory {@link java.util.ServiceLoader} makes: variables come from {@link System#getenv(String)}. */
    public HttpSinkFactory() {
        this(System::getenv);
    }

    /** A factory looking environment variables up in {@code environment} (tests, embedding). */
    public HttpSinkFactory(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        if (!settings.has("async")) {
            throw settings.invalid("async", "the http sink needs \"async\": requests must not run on the "
                    + "application's threads (for example \"async\": {\"queue\": 65536})");
        }
        HttpSink.Builder b;
        try {
            b = HttpSink.builder(url(settings));
        } catch (IllegalArgumentException e) {
            throw settings.invalid("url", e.getMessage());
        }
        b.batchSize(settings.intValue("batchSize", HttpSink.DEFAULT_BATCH_SIZE, 1, 1_000_000))
                .linger(settings.millis("lingerMs", HttpSink.DEFAULT_LINGER, Duration.ZERO, HOUR))
                .gzip(settings.bool("gzip", false))
                .maxAttempts(settings.intValue("maxAttempts", HttpSink.DEFAULT_MAX_ATTEMPTS, 1, 100))
                .timeout(settings.millis("timeoutMs", HttpSink.DEFAULT_TIMEOUT, Duration.ofMillis(1), Duration.ofMinutes(10)))
                .environment(environment);
        Duration backoff = settings.millis("retryBackoffMs", HttpSink.DEFAULT_RETRY_BACKOFF, Duration.ZERO, HOUR);
        Duration maxBackoff = settings.millis("retryMaxBackoffMs", HttpSink.DEFAULT_RETRY_MAX_BACKOFF, Duration.ZERO, HOUR);
        if (maxBackoff.compareTo(backoff) < 0) {
            throw settings.invalid("retryMaxBackoffMs", "must be at least retryBackoffMs (" + backoff.toMillis() + ")");
        }
        b.retryBackoff(backoff, maxBackoff);
        SinkSettings headers = settings.object("headers");
        if (headers != null) {
            for (String name : headers.keys()) {
                header(b, headers, name);
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw settings.invalid("headers", e.getMessage()); // the message names the variable, never the value
        }
    }

    private static URI url(SinkSettings settings) {
        String text = settings.requiredString("url");
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw settings.invalid("url", "not a URL: " + e.getReason());
        }
    }

    /** One header: {@code "Name": "value"} or {@code "Name": {"env": "VAR", "prefix": "Bearer "}}. */
    private void header(HttpSink.Builder b, SinkSettings headers, String name) {
        String literal;
        try {
            literal = headers.string(name, null);
        } catch (ConfigException notAString) {
            // SinkSettings cannot say what kind a value is; an object is the other form allowed.
            literal = null;
        }
        try {
            if (literal != null) {
                b.header(name, literal);
                return;
            }
            SinkSettings source;
            try {
                source = headers.object(name);
            } catch (ConfigException neither) {
                throw headers.invalid(name, "expected a string, or {\"env\": \"VARIABLE\"} to take the value from "
                        + "the environment");
            }
            String variable = source.requiredString("env");
            String prefix = source.string("prefix", "");
            String value = environment.apply(variable);
            if (value == null) {
                throw source.invalid("env", "environment variable " + variable + " is not set");
            }
            RequestHeaders.check(name, prefix + value, "environment variable " + variable);
            b.headerFromEnv(name, variable, prefix);
        } catch (IllegalArgumentException e) {
            throw headers.invalid(name, e.getMessage());
        }
    }
}
