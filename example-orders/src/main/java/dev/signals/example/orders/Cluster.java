package dev.signals.example.orders;

import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.http.HttpService;
import dev.signals.example.orders.http.Peers;
import dev.signals.example.orders.services.ServiceFactory;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every service in this JVM, each on its own HTTP server and port: the callees first, then the
 * order service with their URLs. Closing stops the order service first, so its queued
 * notifications still reach the notification service, then the others.
 */
public final class Cluster implements AutoCloseable {

    private final List<HttpService> started;
    private final Map<ServiceName, URI> urls;

    private Cluster(List<HttpService> started, Map<ServiceName, URI> urls) {
        this.started = started;
        this.urls = urls;
    }

    /**
     * Starts all services on {@code host}, each on its port from {@code ports} (0 for any free one).
     *
     * @throws IOException when a port cannot be bound; the services already started are stopped
     */
    public static Cluster start(String host, Map<ServiceName, Integer> ports, ServiceFactory factory, Chaos chaos)
            throws IOException {
        List<HttpService> started = new ArrayList<>();
        Map<ServiceName, URI> urls = new EnumMap<>(ServiceName.class);
        try {
            for (ServiceName s : ServiceName.values()) {
                if (s != ServiceName.ORDER) {
                    HttpService service = HttpService.start(s, host, ports.getOrDefault(s, 0),
                            factory.create(s, new Peers(Map.of())), chaos);
                    started.add(service);
                    urls.put(s, service.url());
                }
            }
            HttpService order = HttpService.start(ServiceName.ORDER, host, ports.getOrDefault(ServiceName.ORDER, 0),
                    factory.create(ServiceName.ORDER, new Peers(urls)), chaos);
            started.add(order);
            urls.put(ServiceName.ORDER, order.url());
        } catch (IOException | RuntimeException e) {
            new Cluster(started, urls).close();
            throw e;
        }
        return new Cluster(started, urls);
    }

    /** The base URL of {@code service}. */
    public URI url(ServiceName service) {
        return urls.get(service);
    }

    /** Every service's URL. */
    public Peers peers() {
        return new Peers(urls);
    }

    /** Stops the order service (draining its notifications), then the others. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
