package dev.signals.example.orders;

import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.http.ServiceClient;
import dev.signals.example.orders.load.LoadGenerator;
import dev.signals.example.orders.load.LoadPlan;
import dev.signals.example.orders.load.LoadReport;
import dev.signals.example.orders.services.ServiceFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.EnumSet;

/**
 * The default run: every service in this JVM, the load generator against the order service,
 * and, once every order has its answer, every service stopped (notifications drained).
 */
public final class AllInOneRun {

    private AllInOneRun() {
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
