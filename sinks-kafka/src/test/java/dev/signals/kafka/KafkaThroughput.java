package dev.signals.kafka;

import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.router.Route;
import dev.signals.router.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * A measured run, by hand (docs/kafka.md): a KRaft server in this JVM, a kafka sink routed
 * synchronously from {@code Signals.emit}, and for 1 and 2 emitting threads the sustained rate
 * (events until the last is acknowledged by Kafka, counted) and the time {@code emit} takes on
 * the caller's thread; then the same emit with the broker stopped.
 *
 * <p>Run: {@code java -cp CLASSPATH dev.signals.kafka.KafkaThroughput [events]}.
 */
public final class KafkaThroughput {

    private KafkaThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Files.createTempDirectory("kafka-throughput");
        try (Broker broker = Broker.start(work.resolve("broker"))) {
            run(broker, work, "warmup", 1, events / 5, true);
            for (int round = 1; round <= 2; round++) {
                run(broker, work, "up-1-" + round, 1, events, true);
                run(broker, work, "up-2-" + round, 2, events, true);
            }
            broker.stop();
            run(broker, work, "down-1", 1, events, false);
            run(broker, work, "down-2", 2, events, false);
        }
    }

    private static void run(Broker broker, Path work, String name, int threads, int events, boolean up)
            throws Exception {
        String topic = "bench-" + name;
        if (up) {
            broker.createTopic(topic, 8);
        }
        KafkaSink sink = KafkaSink.builder(broker.bootstrapServers(), topic).name(name).key("order")
                .spoolDirectory(work.resolve("spool-" + name)).maxBytes(4L << 30).build();
        Route route = Router.global().route("ORDER_*", sink);
        long[][] nanos = new long[threads][events / threads];
        CountDownLatch go = new CountDownLatch(1);
        Thread[] emitters = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = nanos[t];
            int first = t * mine.length;
            emitters[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < mine.length; i++) {
                    long n = first + i;
                    long start = System.nanoTime();
                    Signals.emit(TestEvents.ORDER_PLACED, "order placed", Field.of("n", n),
                            Field.of("order", "o" + (n % 1000)), Field.of("amount", 12.5));
                    mine[i] = System.nanoTime() - start;
                }
            });
            emitters[t].start();
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : emitters) {
            t.join();
        }
        long emitted = System.nanoTime() - start;
        int total = threads * nanos[0].length;
        String rate = "";
        if (up) {
            while (sink.stats().acknowledged() < total) {
                Thread.sleep(5);
            }
            long acked = System.nanoTime() - start;
            rate = String.format("sustained %,.0f events/s (all %,d acknowledged in %.2f s); ", total / (acked / 1e9),
                    total, acked / 1e9);
        }
        long[] all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-8s threads=%d broker=%s: %semit on the caller: mean %.0f ns, p50 %d ns, p99 %d ns, "
                        + "p99.9 %d ns; emitting took %.2f s; stats %s%n", name, threads, up ? "up" : "down", rate,
                Arrays.stream(all).average().orElse(0), all[all.length / 2], all[(int) (all.length * 0.99)],
                all[(int) (all.length * 0.999)], emitted / 1e9, sink.stats());
        Router.global().remove(route);
        sink.close();
    }
}
