package dev.signals.kafka;

import dev.signals.Sink;
import dev.signals.router.config.ConfigException;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Type {@code kafka}: a {@link KafkaSink}. Options: {@code "bootstrapServers"} and
 * {@code "topic"} (required), {@code "key"} (a field name; the trace id by default),
 * {@code "producer"} (Kafka producer properties: strings, numbers or booleans) and
 * {@code "spool"}: {@code "directory"} ({@code signals-spool/NAME}), {@code "maxBytes"}
 * (256 MiB), {@code "fsyncMs"} (500), {@code "whenFull"} ({@code "dropOldest"} |
 * {@code "dropNewest"}). See {@code docs/kafka.md}.
 */
public final class KafkaSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "kafka";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) throws Exception {
        KafkaSink.Builder b;
        try {
            b = KafkaSink.builder(settings.requiredString("bootstrapServers"), settings.requiredString("topic"));
        } catch (IllegalArgumentException e) {
            throw settings.invalid("topic", e.getMessage());
        }
        b.name(settings.name()).key(settings.string("key", null));
        SinkSettings producer = settings.object("producer");
        if (producer != null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String name : producer.keys()) {
                properties.put(name, value(producer, name));
            }
            try {
                b.producer(properties);
            } catch (IllegalArgumentException e) {
                throw settings.invalid("producer", e.getMessage());
            }
        }
        SinkSettings spool = settings.object("spool");
        if (spool != null) {
            b.spoolDirectory(spool.path("directory", Path.of("signals-spool", settings.name())))
                    .maxBytes(spool.longValue("maxBytes", KafkaSink.DEFAULT_MAX_BYTES, 128 * 1024, Long.MAX_VALUE))
                    .fsync(spool.millis("fsyncMs", KafkaSink.DEFAULT_FSYNC, Duration.ofMillis(1), Duration.ofHours(1)))
                    .whenFull(SpoolFull.fromConfigName(spool.choice("whenFull", SpoolFull.DROP_OLDEST.configName(),
                            SpoolFull.DROP_OLDEST.configName(), SpoolFull.DROP_NEWEST.configName())));
        }
        return b.build();
    }

    /** A producer property: a string, a whole number, a number or a boolean, as Kafka takes them. */
    private static Object value(SinkSettings producer, String name) {
        try {
            return producer.string(name, null);
        } catch (ConfigException notAString) {
            // SinkSettings cannot say what kind a value is: try the others in turn.
        }
        try {
            return producer.longValue(name, 0, Long.MIN_VALUE, Long.MAX_VALUE);
        } catch (ConfigException notAWholeNumber) {
            // next kind
        }
        try {
            return producer.bool(name, false);
        } catch (ConfigException notABoolean) {
            // next kind
        }
        try {
            return producer.doubleValue(name, 0, -Double.MAX_VALUE, Double.MAX_VALUE);
        } catch (ConfigException notANumber) {
            throw producer.invalid(name, "expected a string, a number or a boolean");
        }
    }
}
