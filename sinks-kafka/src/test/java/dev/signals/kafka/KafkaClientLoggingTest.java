package dev.signals.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.router.Route;
import dev.signals.router.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Kafka client logs through SLF4J, which signals-slf4j (on this test class path) routes into
 * Signals. With every signal, TRACE included, routed to the kafka sink and the broker away, the
 * client's own logging must neither deadlock nor be spooled into the sink it comes from, while
 * other sinks still get it.
 */
class KafkaClientLoggingTest {

    @TempDir
    Path spool;

    @Test
    void theClientsOwnTraceLoggingNeverReachesTheKafkaSinkAndNeverDeadlocks() throws Exception {
        assertTrue(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").getClass().getName()
                .startsWith("dev.signals.slf4j"), "the Kafka client logs into Signals");
        Router router = Router.global();
        AtomicLong fromClient = new AtomicLong();
        KafkaSink sink = KafkaSink.builder(SpoolTest.NO_BROKER, "t").spoolDirectory(spool)
                .closeDrain(Duration.ZERO).build();
        Route kafka = router.route("*", sink);
        Route others = router.route("*", event -> {
            if (event.thread().startsWith("signals-kafka-") || event.thread().startsWith("kafka-producer-network-thread")) {
                fromClient.incrementAndGet();
            }
        });
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 1_000; i++) {
                    Signals.emit(TestEvents.ORDER_PLACED, "order placed", Field.of("n", i));
                }
                KafkaBrokerTest.await(() -> sink.stats().dropped(KafkaDropReason.FEEDBACK) >= 500,
                        Duration.ofSeconds(20), "the client logging while it fails to connect");
            });
            KafkaSinkStats stats = sink.stats();
            assertEquals(1_000, stats.spooled(), "only the application's events are spooled");
            assertTrue(fromClient.get() >= stats.dropped(KafkaDropReason.FEEDBACK) && fromClient.get() > 0,
                    "the client's events still reach the other sinks: " + fromClient + " vs " + stats);
        } finally {
            router.remove(kafka);
            router.remove(others);
            sink.close();
        }
    }
}
