package dev.signals.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.router.Router;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka sink against a real KRaft broker in this JVM, shared by the tests (one start costs
 * seconds): bulk delivery, a broker outage mid-stream, and a start-up with the broker away.
 */
class KafkaBrokerTest {

    static Broker broker;

    @TempDir
    Path spool;

    @TempDir
    static Path brokerLogs;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Broker.start(brokerLogs);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private KafkaSink sink(String topic) throws Exception {
        return KafkaSink.builder(broker.bootstrapServers(), topic).name(topic).key("order")
                .spoolDirectory(spool).build();
    }

    @Test
    void hundredThousandEventsAreReadBackExactlyOnceInOrderPerKey() throws Exception {
        String topic = "bulk";
        broker.createTopic(topic, 4);
        int count = 100_000;
        Router router = new Router();
        try (KafkaSink sink = sink(topic)) {
            router.route("ORDER_*").named(topic).to(sink);
            for (int i = 0; i < count; i++) {
                router.dispatch(TestEvents.numbered(i, 50));
            }
            await(() -> figure(router, topic, "kafka_acknowledged") == count, Duration.ofSeconds(60),
                    "every record acknowledged");
            assertEquals(count, figure(router, topic, "kafka_spooled"));
            assertEquals(0, figure(router, topic, "kafka_spool_records"));
            await(() -> figure(router, topic, "kafka_spool_bytes") == 0, Duration.ofSeconds(5),
                    "acknowledged spool files deleted, the spool empty");
        }
        List<ConsumerRecord<String, byte[]>> records = broker.consume(topic, r -> r.size() >= count, Duration.ofSeconds(60));
        assertEquals(count, records.size(), "exactly every event, once");
        assertEquals(records.size(), figure(router, topic, "kafka_acknowledged"), "what was read back was acknowledged");
        assertEquals(records.size(), figure(router, topic, "kafka_sent"));
        router.close();
        Map<String, Long> lastByKey = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            long n = TestEvents.n(r);
            assertEquals("o" + (n % 50), r.key(), "keyed by the order field");
            Long last = lastByKey.put(r.key(), n);
            assertTrue(last == null || last < n, "order kept within key " + r.key() + ": " + last + " then " + n);
            assertEquals("ORDER_PLACED", TestEvents.header(r, KafkaSender.SIGNAL));
            assertEquals("INFO", TestEvents.header(r, KafkaSender.SEVERITY));
            ids.add(TestEvents.header(r, KafkaSender.EVENT_ID));
        }
        assertEquals(count, ids.size(), "every event_id unique");
    }

    @Test
    void aBrokerStoppedMidStreamLosesNothingAndDuplicatesShareTheirEventId() throws Exception {
        String topic = "outage";
        broker.createTopic(topic, 2);
        int count = 20_000;
        // The producer gives up on a record after 1 s, so that the outage fails records in
        // flight and the sink must send them again from its spool; it tries the returned broker
        // again within 100 ms.
        KafkaSink sink = KafkaSink.builder(broker.bootstrapServers(), topic).name(topic).key("order")
                .producer(Map.of("request.timeout.ms", 500, "delivery.timeout.ms", 1_000, "max.block.ms", 1_000,
                        "reconnect.backoff.max.ms", 100, "retry.backoff.max.ms", 100))
                .spoolDirectory(spool).build();
        for (int i = 0; i < count / 2; i++) {
            sink.accept(TestEvents.numbered(i, 10));
        }
        // Mid-stream: the broker goes once Kafka has acknowledged some records (before, the
        // producer has no producer id yet, and it fails nothing while it waits for one).
        await(() -> sink.stats().acknowledged() > 0, Duration.ofSeconds(60), "a first acknowledgement");
        whileBrokerAway(() -> {
            for (int i = count / 2; i < count; i++) {
                sink.accept(TestEvents.numbered(i, 10));
            }
            assertEquals(count, sink.stats().spooled(), "every event spooled while the broker was away");
            await(() -> sink.stats().sendFailures() > 0, Duration.ofSeconds(60), "the producer failing records");
            return null;
        });
        drainsEveryEventAtLeastOnce(sink, topic, count);
    }

    @Test
    void startUpWithTheBrokerAwayIsNotDelayedAndTheSpoolDrainsWhenItReturns() throws Exception {
        String topic = "late";
        broker.createTopic(topic, 1);
        int count = 1_000;
        KafkaSink sink = whileBrokerAway(() -> {
            long start = System.nanoTime();
            KafkaSink started = sink(topic);
            for (int i = 0; i < count; i++) {
                started.accept(TestEvents.numbered(i, 1));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1_000, "start-up and " + count + " events took " + millis + " ms with the broker away");
            assertEquals(count, started.stats().spooled());
            assertEquals(0, started.stats().acknowledged());
            return started;
        });
        drainsEveryEventAtLeastOnce(sink, topic, count);
    }

    @Test
    void aRecordTooLargeForKafkaIsCountedAndDoesNotHoldTheSpool() throws Exception {
        String topic = "large";
        broker.createTopic(topic, 1);
        try (KafkaSink sink = KafkaSink.builder(broker.bootstrapServers(), topic).name(topic)
                .producer(Map.of("max.request.size", 2_048)).spoolDirectory(spool).build()) {
            sink.accept(TestEvents.numbered(0, 1));
            sink.accept(Event.builder(TestEvents.ORDER_PLACED).message("x".repeat(10_000)).build());
            sink.accept(TestEvents.numbered(2, 1));
            await(() -> sink.stats().spoolRecords() == 0, Duration.ofSeconds(30), "the spool drained");
            assertEquals(1, sink.stats().dropped(KafkaDropReason.REFUSED));
            assertEquals(2, sink.stats().acknowledged());
        }
        List<ConsumerRecord<String, byte[]>> records = broker.consume(topic, r -> r.size() >= 2, Duration.ofSeconds(30));
        assertEquals(List.of(0L, 2L), records.stream().map(TestEvents::n).toList());
    }

    /** The sink's spool drains, and the topic then holds every event at least once. */
    private static void drainsEveryEventAtLeastOnce(KafkaSink sink, String topic, int count) throws Exception {
        try (sink) {
            awaitProgress(() -> sink.stats().spoolRecords(), Duration.ofSeconds(60), () -> "the spool drained: " + sink.stats());
        }
        assertEveryEventAtLeastOnce(topic, count);
    }

    @Test
    void aProcessKilledMidStreamSendsWhatItSpooledAfterARestart() throws Exception {
        String topic = "killed";
        broker.createTopic(topic, 2);
        int reported = 30_000;
        whileBrokerAway(() -> {
            Process emitter = child("emit");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(emitter.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("flushed " + (reported - 1))) {
                    // the child's other output: the Kafka client's warnings
                }
                assertTrue(line != null, "the child reported events written to its spool");
            } finally {
                emitter.destroyForcibly(); // kill -9, mid-stream
                emitter.waitFor();
            }
            return null;
        });
        Process drainer = child("drain");
        String output;
        try {
            assertTrue(drainer.waitFor(90, TimeUnit.SECONDS), "the restarted child drained its spool");
            output = new String(drainer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            drainer.destroyForcibly();
        }
        assertEquals(0, drainer.exitValue(), output);
        long replayed = printed(output, "replayed");
        assertTrue(replayed >= reported, "the spool held every written event: " + replayed);
        assertTrue(printed(output, "acknowledged") >= replayed, output);
        assertEquals(0, printed(output, "spool_bytes"), "the drained spool is empty: " + output);
        assertTrue(output.contains("drained"), output);
        assertEveryEventAtLeastOnce(topic, reported);
    }

    /** The figure a child printed as {@code NAME N}. */
    private static long printed(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(output);
        assertTrue(m.find(), name + " in " + output);
        return Long.parseLong(m.group(1));
    }

    /** A kafka figure of the sink {@code sink} in {@code router.stats()}. */
    static long figure(Router router, String sink, String name) {
        return router.stats().sink(sink).figure(name).orElseThrow(() -> new AssertionError("no " + name));
    }

    /** Runs {@code work} with the broker stopped, and starts it again whatever happens. */
    private static <T> T whileBrokerAway(Callable<T> work) throws Exception {
        broker.stop();
        try {
            return work.call();
        } finally {
            broker.restart();
        }
    }

    private Process child(String mode) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SpoolChild.class.getName(), broker.bootstrapServers(),
                "killed", spool.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Every n in [0, count) arrived, and all copies of one n carry one event_id. */
    static void assertEveryEventAtLeastOnce(String topic, int count) {
        Map<Long, Set<String>> idsByN = new HashMap<>();
        int[] seen = {0};
        broker.consume(topic, records -> {
            for (; seen[0] < records.size(); seen[0]++) {
                ConsumerRecord<String, byte[]> r = records.get(seen[0]);
                idsByN.computeIfAbsent(TestEvents.n(r), k -> new HashSet<>()).add(TestEvents.header(r, KafkaSender.EVENT_ID));
            }
            return LongStream.range(0, count).allMatch(idsByN::containsKey);
        }, Duration.ofSeconds(60));
        assertEquals(count, LongStream.range(0, count).filter(idsByN::containsKey).count(),
                "every event arrived at least once");
        idsByN.forEach((n, ids) -> assertEquals(1, ids.size(), "the copies of event " + n + " share one event_id: " + ids));
    }

    /**
     * Waits until {@code left} is 0, failing only once it has not moved for {@code stall}: on a
     * loaded machine a drain may be slow, but it moves.
     */
    static void awaitProgress(LongSupplier left, Duration stall, Supplier<String> what) throws InterruptedException {
        long last = left.getAsLong();
        long lastMove = System.nanoTime();
        while (last > 0) {
            Thread.sleep(20); // polling with a deadline
            long now = left.getAsLong();
            if (now != last) {
                last = now;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > stall.toNanos()) {
                throw new AssertionError("timed out waiting, " + now + " left: " + what.get());
            }
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20); // polling with a deadline
        }
    }
}
