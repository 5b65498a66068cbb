package dev.signals.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signals;
import dev.signals.router.Route;
import dev.signals.router.Router;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        check(null);
    }

    /** The same through a queue of 16 that blocks when full: the client's threads emit into it too. */
    @Test
    void throughABlockingQueueTooTheClientsLoggingNeverDeadlocks() throws Exception {
        check(DeliveryPolicy.builder().async(16, Overflow.BLOCK).build());
    }

    /** Two kafka sinks: the client logging of one must not be spooled, and so sent, by the other. */
    @Test
    void twoKafkaSinksNeverFeedEachOther() throws Exception {
        Router router = Router.global();
        Set<String> earlier = router.stats().sinks().keySet();
        try (KafkaSink first = KafkaSink.builder(SpoolTest.NO_BROKER, "t").name("first")
                .spoolDirectory(spool.resolve("first")).closeDrain(Duration.ZERO).build();
             KafkaSink second = KafkaSink.builder(SpoolTest.NO_BROKER, "t").name("second")
                     .spoolDirectory(spool.resolve("second")).closeDrain(Duration.ZERO).build()) {
            Route a = router.route("*", first);
            Route b = router.route("*", second);
            try {
                for (int i = 0; i < 1_000; i++) {
                    Signals.emit(TestEvents.ORDER_PLACED, "order placed", Field.of("n", i));
                }
                KafkaBrokerTest.await(() -> feedback(router, earlier).size() == 2
                                && feedback(router, earlier).stream().allMatch(n -> n >= 500),
                        Duration.ofSeconds(20), "both clients logging while they fail to connect, held back from both sinks");
                assertEquals(1_000, first.stats().spooled(), "only the application's events: " + first.stats());
                assertEquals(1_000, second.stats().spooled(), "only the application's events: " + second.stats());
            } finally {
                router.remove(a);
                router.remove(b);
            }
        }
    }

    private void check(DeliveryPolicy policy) throws Exception {
        assertTrue(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").getClass().getName()
                .startsWith("dev.signals.slf4j"), "the Kafka client logs into Signals");
        Router router = Router.global();
        Set<String> earlier = router.stats().sinks().keySet();
        AtomicLong fromClient = new AtomicLong();
        KafkaSink sink = KafkaSink.builder(SpoolTest.NO_BROKER, "t").spoolDirectory(spool)
                .closeDrain(Duration.ZERO).build();
        Route kafka = policy == null ? router.route("*", sink) : router.route("*", Severity.TRACE, sink, policy);
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
                KafkaBrokerTest.await(() -> feedback(router, earlier).size() == 1 && feedback(router, earlier).get(0) >= 500
                                && sink.stats().spooled() == 1_000,
                        Duration.ofSeconds(20), "the client logging while it fails to connect: " + sink.stats() + " " + router.stats().sinks());
            });
            KafkaSinkStats stats = sink.stats();
            assertEquals(1_000, stats.spooled(), "only the application's events are spooled");
            assertTrue(fromClient.get() > 0, "the client's events still reach the other sinks");
        } finally {
            router.remove(kafka);
            router.remove(others);
            sink.close();
        }
    }

    /**
     * What the router held back as their own threads' echo from each kafka sink routed since
     * {@code earlier} was taken (code routes are named KafkaSink#N; removed ones stay in the stats).
     */
    private static List<Long> feedback(Router router, Set<String> earlier) {
        List<Long> out = new ArrayList<>();
        for (SinkStats s : router.stats().sinks().values()) {
            if (s.name().startsWith("KafkaSink#") && !earlier.contains(s.name())) {
                out.add(s.dropped(DropReason.FEEDBACK));
            }
        }
        return out;
    }
}
