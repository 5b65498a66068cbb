package dev.signals.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kafka} type in a config file: found through the SinkFactory SPI, options checked and located. */
class KafkaSinkFactoryTest {

    @TempDir
    Path dir;

    private final Router router = new Router();

    @AfterEach
    void close() {
        router.close(Duration.ofSeconds(5));
    }

    private String config(String kafkaOptions) {
        return "{ \"sinks\": { \"events\": { \"type\": \"kafka\", \"bootstrapServers\": \"" + SpoolTest.NO_BROKER
                + "\", \"topic\": \"events\", " + kafkaOptions + " } },\n"
                + "  \"routes\": [ { \"signals\": [\"ORDER_*\"], \"sinks\": [\"events\"] } ] }";
    }

    @Test
    void aConfiguredSinkSpoolsEventsWithTheBrokerAway() throws Exception {
        String spool = dir.resolve("spool").toString().replace("\\", "\\\\");
        router.configure(config("\"key\": \"order\", \"producer\": { \"linger.ms\": 20, \"compression.type\": \"lz4\", "
                + "\"enable.idempotence\": true },\n \"spool\": { \"directory\": \"" + spool + "\", \"maxBytes\": 1048576, "
                + "\"fsyncMs\": 100, \"whenFull\": \"dropNewest\" }"), "kafka-test.json");
        for (int i = 0; i < 10; i++) {
            router.dispatch(TestEvents.numbered(i, 3));
        }
        router.flush(Duration.ofSeconds(5));
        assertEquals(10, router.stats().sink("events").delivered());
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".spool")), "the events are in the spool directory");
        }
    }

    @Test
    void aConfigAppliedAgainKeepsItsSpool() throws Exception {
        String spool = dir.resolve("spool").toString().replace("\\", "\\\\");
        String json = config("\"spool\": { \"directory\": \"" + spool + "\" }");
        router.configure(json, "kafka-test.json");
        router.dispatch(TestEvents.numbered(1, 1));
        router.configure(json.replace("\"topic\": \"events\"", "\"topic\": \"events2\""), "kafka-test.json");
        router.dispatch(TestEvents.numbered(2, 1));
        router.flush(Duration.ofSeconds(5));
        assertEquals(2, router.stats().sink("events").delivered(), "both events reached a kafka sink");
    }

    @Test
    void anUnknownProducerPropertyIsRefusedWithItsPlace() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> router.configure(config("\"producer\": { \"lingr.ms\": 5 }"), "kafka-test.json"));
        assertTrue(e.getMessage().contains("lingr.ms") && e.getMessage().contains("producer")
                && e.getMessage().contains("kafka-test.json"), e.getMessage());
    }

    @Test
    void aProducerValueOfTheWrongTypeIsRefusedWithoutQuotingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> router.configure(config("\"producer\": { \"linger.ms\": \"soon-secret\" }"), "kafka-test.json"));
        assertTrue(e.getMessage().contains("linger.ms"), e.getMessage());
        assertTrue(!e.getMessage().contains("soon-secret"), "a value may be a credential: " + e.getMessage());
    }

    @Test
    void propertiesTheSinkSetsAndBadSpoolOptionsAreRefused() {
        // The misspelt option is found once the sink is made: its spool goes to the test's directory.
        String spool = dir.resolve("spool").toString().replace("\\", "\\\\");
        assertThrows(ConfigException.class,
                () -> router.configure(config("\"producer\": { \"value.serializer\": \"x\" }"), "kafka-test.json"));
        assertThrows(ConfigException.class,
                () -> router.configure(config("\"spool\": { \"whenFull\": \"block\" }"), "kafka-test.json"));
        assertThrows(ConfigException.class,
                () -> router.configure(config("\"spool\": { \"maxBytes\": 10 }"), "kafka-test.json"));
        assertThrows(ConfigException.class,
                () -> router.configure(config("\"spool\": { \"directory\": \"" + spool + "\", \"fsyncMS\": 10 }"),
                        "kafka-test.json"));
    }

    @Test
    void theDefaultKeyIsTheTraceId() {
        RecordKey byDefault = new RecordKey(null);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", new String(byDefault.of(
                dev.signals.Event.builder(TestEvents.ORDER_PLACED).trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")
                        .build()), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(null, byDefault.of(TestEvents.numbered(1, 1)), "no trace, no key");
        assertEquals(null, new RecordKey("password").of(dev.signals.Event.builder(TestEvents.ORDER_PLACED)
                .fields(Field.secret("password", "hunter2")).build()), "a secret never becomes a key");
    }
}
