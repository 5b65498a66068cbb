package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    private static final Signal TICK = Signal.of("CONCURRENCY_TICK");
    /** Each waits for the dispatches through the table it replaces (see DeliveryStack.awaitLeft): enough to race, not to dawdle. */
    private static final int RELOADS = 100;

    @Test
    void eightThreadsOfAHundredThousandEventsArriveExactlyAndInPerThreadOrderThroughAQueue() throws Exception {
        int threads = 8;
        int perThread = 100_000;
        Router router = new Router();
        long[] lastSeen = new long[threads];
        AtomicLong outOfOrder = new AtomicLong();
        AtomicLong count = new AtomicLong();
        // Asynchronous: a synchronous sink runs on each emitting thread, where order cannot break.
        router.route("CONCURRENCY_*", Severity.TRACE, e -> {
            int t = (int) e.field(0).longValue();
            long i = e.field(1).longValue();
            synchronized (lastSeen) {
                if (i != lastSeen[t] + 1) {
                    outOfOrder.incrementAndGet();
                }
                lastSeen[t] = i;
            }
            count.incrementAndGet();
        }, DeliveryPolicy.builder().async(1024, Overflow.BLOCK).build());
        runConcurrently(threads, t -> {
            for (int i = 1; i <= perThread; i++) {
                router.dispatch(Event.builder(TICK).fields(Field.of("t", t), Field.of("i", i)).build());
            }
        });
        assertTrue(router.flush(Duration.ofSeconds(60)), "the queue drains");
        assertEquals((long) threads * perThread, count.get());
        assertEquals(0, outOfOrder.get());
        for (long last : lastSeen) {
            assertEquals(perThread, last);
        }
        assertEquals((long) threads * perThread, router.stats().sinks().values().iterator().next().delivered());
    }

    @Test
    void aConfigReloadWhileFourThreadsEmitSendsEachEventWhollyToOldOrNewRoutes(@TempDir Path dir) throws Exception {
        Router router = new Router();
        Path file = dir.resolve("signals.json");
        String oldRoutes = "{\"reloadIntervalMs\": 0, \"sinks\": {\"a\": {\"type\": \"test-recording\", \"id\": \"swap-a\"},"
                + " \"b\": {\"type\": \"test-recording\", \"id\": \"swap-b\"}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"a\", \"b\"]}]}";
        String newRoutes = "{\"reloadIntervalMs\": 0, \"sinks\": {\"c\": {\"type\": \"test-recording\", \"id\": \"swap-c\"},"
                + " \"d\": {\"type\": \"test-recording\", \"id\": \"swap-d\"}},"
                + " \"routes\": [{\"signals\": [\"CONCURRENCY_*\"], \"sinks\": [\"c\"]},"
                + " {\"signals\": [\"*\"], \"sinks\": [\"d\"]}]}";
        List<RecordingSink> made = java.util.Collections.synchronizedList(new ArrayList<>());
        RecordingSinkFactory.onCreate = made::add;
        try {
            reloadWhileEmitting(router, file, oldRoutes, newRoutes, made);
        } finally {
            RecordingSinkFactory.onCreate = sink -> { };
            router.close();
        }
    }

    private static void reloadWhileEmitting(Router router, Path file, String oldRoutes, String newRoutes,
            List<RecordingSink> made) throws Exception {
        Map<Long, Set<String>> reachedBy = new ConcurrentHashMap<>();
        Files.writeString(file, oldRoutes);
        router.configure(file);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(4);
        Thread swapper = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            try {
                for (int i = 0; i < RELOADS; i++) {
                    Files.writeString(file, i % 2 == 0 ? newRoutes : oldRoutes);
                    router.checkConfigNow();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stop.set(true);
        });
        List<Long> emitted = java.util.Collections.synchronizedList(new ArrayList<>());
        swapper.start();
        runConcurrently(4, t -> {
            started.countDown();
            while (!stop.get()) {
                Event e = Event.builder(TICK).build();
                emitted.add(e.sequence());
                router.dispatch(e);
            }
        });
        swapper.join();
        assertEquals(RELOADS + 1, made.size() / 2, "every swap made two new sinks");
        for (RecordingSink sink : made) {
            for (Event e : sink.events()) {
                reachedBy.computeIfAbsent(e.sequence(), k -> ConcurrentHashMap.newKeySet()).add(sink.id);
            }
        }
        assertTrue(emitted.size() > 0);
        for (long seq : emitted) {
            Set<String> got = reachedBy.get(seq);
            assertTrue(Set.of("swap-a", "swap-b").equals(got) || Set.of("swap-c", "swap-d").equals(got),
                    "event " + seq + " reached " + got);
        }
    }

    interface Body {
        void run(int thread) throws Exception;
    }

    static void runConcurrently(int threads, Body body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    body.run(id);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            all.add(thread);
        }
        go.countDown();
        for (Thread t : all) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
    }
}
