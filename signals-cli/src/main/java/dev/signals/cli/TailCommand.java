package dev.signals.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signals tail URL [filters] [--json]}: follows a live sink's events in a terminal. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follows a live sink's events, reconnecting by itself with Last-Event-ID.",
                "Filters are applied by the sink, before anything is sent."})
final class TailCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "the live sink's URL, as in its LIVE_STARTED event")
    URI url;

    @Option(names = "--signal", paramLabel = "PATTERN", description = "a signal name or pattern (ORDER_*); repeatable")
    List<String> signals = new ArrayList<>();

    @Option(names = "--min-severity", paramLabel = "SEVERITY", description = "TRACE DEBUG INFO WARN ERROR FATAL")
    String minSeverity;

    @Option(names = "--trace", paramLabel = "ID", description = "one trace's events")
    String trace;

    @Option(names = "--field", paramLabel = "KEY=VALUE", description = "a field's value; repeatable, all must hold")
    List<String> fields = new ArrayList<>();

    @Option(names = "--thread", paramLabel = "NAME", description = "events of one thread")
    String thread;

    @Option(names = "--json", description = "print each event's JSON line as sent, instead of a readable line")
    boolean json;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SIGNALS_TOKEN}",
            description = "the sink's token (default: $SIGNALS_TOKEN, which keeps it out of the process list)")
    String token;

    @Option(names = "--retry-ms", paramLabel = "MS", defaultValue = "2000", description = "wait before reconnecting (default 2000)")
    long retryMs;

    @Override
    public Integer call() throws InterruptedException {
        Tail tail = new Tail(streamUri(), token == null || token.isBlank() ? null : token, Duration.ofMillis(retryMs), json,
                System.out, System.err);
        return tail.run();
    }

    /** The sink's {@code /api/events} with the filters as query parameters. */
    URI streamUri() {
        StringBuilder q = new StringBuilder();
        signals.forEach(s -> param(q, "signal", s));
        fields.forEach(f -> param(q, "field", f));
        if (minSeverity != null) {
            param(q, "minSeverity", minSeverity);
        }
        if (trace != null) {
            param(q, "trace", trace);
        }
        if (thread != null) {
            param(q, "thread", thread);
        }
        return url.resolve("/api/events" + (q.length() == 0 ? "" : "?" + q));
    }

    private static void param(StringBuilder q, String name, String value) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
