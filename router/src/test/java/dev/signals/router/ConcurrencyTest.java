package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    private static final Signal TICK = Signal.of("CONCURRENCY_TICK");

    @Test
    void eightThreadsOfAHundredThousandEventsArriveExactlyAndInPerThreadOrder() throws Exception {
        int threads = 8;
        int perThread = 100_000;
        Router router = new Router();
        long[] lastSeen = new long[threads];
        AtomicLong outOfOrder = new AtomicLong();
        AtomicLong count = new AtomicLong();
        router.route("CONCURRENCY_*", e -> {
            int t = (int) e.field(0).longValue();
            long i = e.field(1).longValue();
            synchronized (lastSeen) {
                if (i != lastSeen[t] + 1) {
                    outOfOrder.incrementAndGet();
                }
                lastSeen[t] = i;
            }
            count.incrementAndGet();
        });
        runConcurrently(threads, t -> {
            for (int i = 1; i <= perThread; i++) {
                router.dispatch(Event.builder(TICK).fields(Field.of("t", t), Field.of("i", i)).build());
            }
        });
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
        Map<Long, Set<String>> reachedBy = new ConcurrentHashMap<>();
        List<RecordingSink> made = java.util.Collections.synchronizedList(new ArrayList<>());
        RecordingSinkFactory.onCreate = made::add;
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
                for (int i = 0; i < 200; i++) {
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
        assertEquals(201, made.size() / 2, "every swap made two new sinks");
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
