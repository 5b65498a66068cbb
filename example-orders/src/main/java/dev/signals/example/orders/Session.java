package dev.signals.example.orders;

import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.config.ExampleConfig;
import dev.signals.example.orders.config.KafkaExport;
import dev.signals.example.orders.report.EventTally;
import dev.signals.example.orders.report.SnapshotFiles;
import dev.signals.example.orders.report.Summary;
import dev.signals.example.orders.tracing.Tracing;
import dev.signals.live.LiveSink;
import dev.signals.router.Router;
import dev.signals.router.RouterStats;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every way of running the example shares: choosing the Signals config before the first
 * event, counting every event for the summary, tracing, and at the end closing the router (which
 * drains and flushes every sink) before the summary is printed.
 */
final class Session {

    private final Options options;
    private final EventTally tally = new EventTally();
    /** Where the config's live sinks serve, as the run started. */
    private final List<URI> liveUrls;
    private final Tracing tracing;
    private final ExampleConfig config;
    private final long startNanos = System.nanoTime();
    private Duration elapsed;

    private Session(Options options, Tracing tracing, ExampleConfig config, List<URI> liveUrls) {
        this.options = options;
        this.liveUrls = liveUrls;
        this.tracing = tracing;
        this.config = config;
    }

    /**
     * Applies {@code --config} (before {@link Router#global()} first configures itself), starts
     * tracing, places the config's snapshot and log files ({@link ExampleConfig}), sends the
     * business signals to Kafka when {@code KAFKA_BOOTSTRAP_SERVERS} is set ({@link KafkaExport}),
     * routes the tally and emits {@link OrderSignals#AUDIT_RUN_STARTED}.
     *
     * @param role what runs ({@code all}, a service, {@code loadgen}), for the audit event, the
     *     file names of a single-service process and the service name of exported spans
     * @param err where a refused config is reported
     * @throws IllegalArgumentException when the config file given does not exist, or when the
     *     OpenTelemetry settings are refused (an unknown {@code OTEL_TRACES_EXPORTER})
     */
    static Session open(Options options, String role, PrintStream err) {
        if (options.config() != null) {
            if (!Files.isRegularFile(options.config())) {
                throw new IllegalArgumentException("--config: no such file: " + options.config());
            }
            System.setProperty("signals.config", options.config().toAbsolutePath().toString());
        }
        // All in one JVM, each service's spans are exported as that service's: signals-orders-payment…
        boolean all = role.equals("all");
        Tracing tracing = Tracing.start("signals-orders" + (all ? "" : "-" + role), all);
        ExampleConfig config = ExampleConfig.load(options.config(), options.snapshotDir(), options.logsDir(),
                role.equals("all") ? null : role);
        config.apply(Router.global(), err);
        // Closed with the router, which closes every sink routed to it.
        KafkaExport.attach(Router.global(), System.getenv(), role, Path.of("signals-spool"), err);
        Session session = new Session(options, tracing, config, LiveSink.openUrls());
        Router.global().route("*", session.tally);
        Signals.emit(OrderSignals.AUDIT_RUN_STARTED, "Orders example started (" + role + ")",
                Field.of("role", role), Field.of("user", String.valueOf(System.getProperty("user.name"))),
                Field.of("seed", options.seed()), Field.of("chaos", options.chaos().toString()),
                Field.of("config", config.describe()), Field.of("tracing", tracing.mode().toString()));
        return session;
    }

    EventTally tally() {
        return tally;
    }

    String configSource() {
        return config.describe();
    }

    /**
     * Emits {@link OrderSignals#AUDIT_RUN_FINISHED}, flushes the tracing exporter, closes the
     * router (every queue drained, every sink flushed and closed) and returns its final figures.
     */
    RouterStats finish(Field... results) {
        Signals.emit(OrderSignals.AUDIT_RUN_FINISHED, "Orders example finished", results);
        elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        tracing.close();
        Router.global().close();
        return Router.global().stats();
    }

    /** Adds the lines every summary has: events, sinks, snapshots, logs, tracing. */
    Summary common(Summary summary, RouterStats stats) {
        return summary.events(tally, elapsed)
                .sinks(stats)
                .snapshots(config.snapshotDirectories(),
                        SnapshotFiles.writtenBy(ProcessHandle.current().pid(), config.snapshotDirectories()))
                .logs(config.logFiles())
                .line("Tracing", tracing.describe())
                .line("Live", liveUrls.isEmpty() ? "no live sink in the config"
                        : liveUrls.get(liveUrls.size() - 1) + " (served while the run lasted; see docs/live.md)");
    }

    /** Prints the summary where {@code --summary} says. */
    void print(Summary summary, PrintStream out, PrintStream err) {
        switch (options.summary()) {
            case "none":
                return;
            case "stderr":
                err.print(summary.render());
                err.flush();
                return;
            default:
                out.print(summary.render());
                out.flush();
        }
    }
}
