package dev.signals.example.orders;

import dev.signals.Field;
import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.http.ServiceClient;
import dev.signals.example.orders.load.LoadGenerator;
import dev.signals.example.orders.load.LoadPlan;
import dev.signals.example.orders.load.LoadReport;
import dev.signals.example.orders.load.OrderResult;
import dev.signals.example.orders.report.Summary;
import dev.signals.example.orders.services.ServiceFactory;
import dev.signals.router.RouterStats;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.Locale;

/**
 * The default run: every service in this JVM, the load generator against the order service,
 * and, once every order has its answer, every service stopped (notifications drained).
 */
public final class AllInOneRun {

    private AllInOneRun() {
    }

    /**
     * The whole default run: the config placed and tracing started ({@link Session}), the
     * workload ({@link #run}), the global router closed (every queue drained, every sink and
     * snapshot flushed), then the summary printed where {@code --summary} says.
     *
     * @return the orders' outcomes
     * @throws IOException when a service cannot bind its port
     */
    static LoadReport runAndReport(Options options, PrintStream out, PrintStream err) throws IOException {
        Session session = Session.open(options, "all", err);
        LoadReport report = run(options);
        RouterStats stats = session.finish(Field.of("attempted", report.outcomes().attempted()),
                Field.of("shipped", report.outcomes().count(OrderResult.Status.SHIPPED)),
                Field.of("cancelled", report.outcomes().count(OrderResult.Status.CANCELLED)),
                Field.of("rejected", report.outcomes().count(OrderResult.Status.REJECTED)));
        String run = String.format(Locale.ROOT, "%.1f s of load; seed %d, chaos %s, %.1f orders/s (peak x%.1f)",
                report.elapsed().toMillis() / 1000.0, options.seed(), options.chaos(), options.rate(), options.peak());
        session.print(session.common(new Summary("all services in one JVM")
                .line("Run", run)
                .line("Config", session.configSource())
                .orders(report)
                .resilience(session.tally()), stats), out, err);
        return report;
    }

    /**
     * Runs the services and the workload {@code options} describe, and returns when the last
     * order has its answer and every service has stopped. The caller owns the router: it flushes
     * or closes it afterwards.
     *
     * @throws IOException when a service cannot bind its port
     */
    public static LoadReport run(Options options) throws IOException {
        HttpClient http = ServiceClient.newHttpClient();
        try (Chaos chaos = new Chaos(options.seed(), options.chaos(), options.chaosOverrides(), options.plannedRun())) {
            ServiceFactory factory = new ServiceFactory(options.seed(), chaos, http, options.clientRateLimit());
            try (Cluster cluster = Cluster.start(options.host(), options.ports(), factory, chaos)) {
                chaos.start(EnumSet.allOf(ServiceName.class));
                LoadPlan plan = new LoadPlan(options.rate(), options.duration(), options.orders(), options.peak(),
                        options.plannedRun(), options.seed(), "ord-");
                return new LoadGenerator(plan, cluster.url(ServiceName.ORDER), http, options.concurrency()).run();
            }
        }
    }
}
