package dev.signals.example.orders.config;

import dev.signals.kafka.KafkaSink;
import dev.signals.router.Router;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Sends the business signals to Kafka as well when {@code KAFKA_BOOTSTRAP_SERVERS} is set: a
 * {@code kafka} sink (topic {@code KAFKA_TOPIC}, {@code signals-orders} by default), keyed by
 * {@code order_id} so that an order's events stay in order, spooled in
 * {@code signals-spool/orders-ROLE}. Routed in code, so that it joins whatever config runs.
 */
public final class KafkaExport {

    /** The variable that turns the export on. */
    public static final String SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    /** The variable naming the topic. */
    public static final String TOPIC = "KAFKA_TOPIC";
    /** The topic when {@code KAFKA_TOPIC} is not set. */
    public static final String DEFAULT_TOPIC = "signals-orders";
    /** The business signals: those the {@code business} file of the shipped config gets. */
    public static final List<String> BUSINESS = List.of("ORDER_*", "PAYMENT_*", "INVENTORY_*", "PRICE_*",
            "SHIPMENT_*", "NOTIFICATION_*");

    private KafkaExport() {
    }

    /**
     * Routes the business signals to a kafka sink when {@code env} names brokers; never waits
     * for them (the sink spools until they answer).
     *
     * @param role what this process runs, for the spool's directory
     * @param err where a spool that cannot be opened is reported
     * @return the sink, or {@code null} when the export is off or could not start
     */
    public static KafkaSink attach(Router router, Map<String, String> env, String role, Path spoolRoot,
                                   PrintStream err) {
        String servers = env.get(SERVERS);
        if (servers == null || servers.isBlank()) {
            return null;
        }
        String topic = env.getOrDefault(TOPIC, DEFAULT_TOPIC);
        KafkaSink sink;
        try {
            sink = KafkaSink.builder(servers, topic.isBlank() ? DEFAULT_TOPIC : topic).name("orders-" + role)
                    .key("order_id").spoolDirectory(spoolRoot.resolve("orders-" + role)).build();
        } catch (IOException | RuntimeException e) {
            err.println("Signals: the business signals will not go to Kafka: " + e.getMessage());
            return null;
        }
        for (String pattern : BUSINESS) {
            router.route(pattern, sink);
        }
        return sink;
    }
}
