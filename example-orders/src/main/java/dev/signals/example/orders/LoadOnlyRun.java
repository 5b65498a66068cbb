package dev.signals.example.orders;

import dev.signals.Field;
import dev.signals.example.orders.http.ServiceClient;
import dev.signals.example.orders.load.LoadGenerator;
import dev.signals.example.orders.load.LoadPlan;
import dev.signals.example.orders.load.LoadReport;
import dev.signals.example.orders.load.OrderResult;
import dev.signals.example.orders.report.Summary;
import dev.signals.router.RouterStats;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code --service loadgen}: only the load generator, placing orders with the order service at
 * {@code --peers order=URL} (waiting up to 10 s for it to answer {@code /health}). Order ids
 * carry a tag of this run, so that running it again against the same services places new orders.
 */
final class LoadOnlyRun {

    private static final Duration WAIT_FOR_ORDER_SERVICE = Duration.ofSeconds(10);

    private LoadOnlyRun() {
    }

    static int run(Options options, PrintStream out, PrintStream err) throws InterruptedException {
        if (!options.peers().has(ServiceName.ORDER)) {
            throw new IllegalArgumentException("--service loadgen needs --peers order=http://HOST:PORT");
        }
        URI order = options.peers().uri(ServiceName.ORDER, "/");
        HttpClient http = ServiceClient.newHttpClient();
        if (!waitForHealth(http, order)) {
            err.println("error: the order service at " + order + " did not answer /health within "
                    + WAIT_FOR_ORDER_SERVICE.toSeconds() + " s");
            return 1;
        }
        Session session = Session.open(options, Options.LOADGEN, err);
        String tag = Long.toString(System.currentTimeMillis() / 1000, 36).toLowerCase(Locale.ROOT);
        LoadPlan plan = new LoadPlan(options.rate(), options.duration(), options.orders(), options.peak(),
                options.plannedRun(), options.seed(), "ord-" + tag + "-");
        LoadReport report = new LoadGenerator(plan, order, http, options.concurrency()).run();
        RouterStats stats = session.finish(Field.of("attempted", report.outcomes().attempted()),
                Field.of("shipped", report.outcomes().count(OrderResult.Status.SHIPPED)));
        session.print(session.common(new Summary("load generator against " + order)
                .line("Run", String.format(Locale.ROOT, "%.1f s of load; seed %d, %.1f orders/s (peak x%.1f)",
                        report.elapsed().toMillis() / 1000.0, options.seed(), options.rate(), options.peak()))
                .line("Config", session.configSource())
                .orders(report), stats), out, err);
        return 0;
    }

    private static boolean waitForHealth(HttpClient http, URI order) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_FOR_ORDER_SERVICE.toNanos();
        HttpRequest health = HttpRequest.newBuilder(order.resolve("/health")).timeout(Duration.ofSeconds(1)).GET().build();
        while (true) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
    }
}
