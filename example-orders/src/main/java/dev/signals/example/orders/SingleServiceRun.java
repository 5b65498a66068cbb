package dev.signals.example.orders;

import dev.signals.Field;
import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.http.HttpService;
import dev.signals.example.orders.http.ServiceClient;
import dev.signals.example.orders.report.Summary;
import dev.signals.example.orders.services.ServiceFactory;
import dev.signals.router.RouterStats;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code --service NAME}: one service in this process, on {@code --port}, calling the others at
 * {@code --peers}. Runs until stopped (Ctrl-C), or for {@code --duration} when given; then
 * prints its summary.
 */
final class SingleServiceRun {

    private SingleServiceRun() {
    }

    static int run(Options options, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        ServiceName name = ServiceName.parse(options.service());
        Session session = Session.open(options, name.id(), err);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "orders-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Chaos chaos = new Chaos(options.seed(), options.chaos(), options.chaosOverrides(), options.plannedRun())) {
            ServiceFactory factory = new ServiceFactory(options.seed(), chaos, ServiceClient.newHttpClient(),
                    options.clientRateLimit());
            try (HttpService service = HttpService.start(name, options.host(), options.port(),
                    factory.create(name, options.peers()), chaos)) {
                chaos.start(List.of(name));
                err.println("The " + name + " service listens on " + service.url()
                        + (options.durationGiven() ? " for " + options.duration().toSeconds() + " s" : "; Ctrl-C stops it"));
                if (options.durationGiven()) {
                    stop.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stop.await();
                }
            }
            RouterStats stats = session.finish(Field.of("role", name.id()));
            session.print(session.common(new Summary(name + " service")
                    .line("Config", session.configSource()), stats), out, err);
            return 0;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it is waiting for this very moment.
            }
        }
    }
}
