package dev.signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Signals;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Four tests run at the same time (parallel execution is enabled in junit-platform.properties;
 * this class opts in). A barrier holds each of them until all four are running, so every event
 * below is emitted while all four captures are open, from four test threads and a shared pool;
 * each test must still see exactly its own events. Were the tests not run in parallel, the
 * barrier would time out and the tests fail.
 */
@CaptureSignals
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {

    static final int TESTS = 4;
    static final Signal STEP = Signal.of("PARALLEL_STEP");
    static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(TESTS);
    static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void ranOnFourThreads() throws InterruptedException {
        POOL.shutdown();
        POOL.awaitTermination(30, TimeUnit.SECONDS);
        assertEquals(TESTS, THREADS.size(), "each test ran on a thread of its own: " + THREADS);
    }

    @Test
    void first(CapturedSignals captured) throws Exception {
        run("first", captured);
    }

    @Test
    void second(CapturedSignals captured) throws Exception {
        run("second", captured);
    }

    @Test
    void third(CapturedSignals captured) throws Exception {
        run("third", captured);
    }

    @Test
    void fourth(CapturedSignals captured) throws Exception {
        run("fourth", captured);
    }

    private static void run(String test, CapturedSignals captured) throws Exception {
        THREADS.add(Thread.currentThread().getName());
        Signals.emit(STEP, "before", Field.of("test", test));
        ALL_RUNNING.await(30, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
            Signals.emit(STEP, "during", Field.of("test", test), Field.of("i", i));
        }
        POOL.submit(Signals.wrap(() -> Signals.emit(STEP, "in a task", Field.of("test", test)))).get();
        ALL_RUNNING.await(30, TimeUnit.SECONDS);
        Signals.emit(STEP, "after", Field.of("test", test));

        captured.assertEmitted(STEP).times(103);
        List<Event> events = captured.events();
        assertEquals(Set.of(test), events.stream().map(e -> e.field("test").stringValue()).collect(Collectors.toSet()));
        assertEquals("before", events.get(0).message());
        assertEquals("after", events.get(events.size() - 1).message());
        captured.assertEmitted(STEP).withMessage("in a task").times(1);
    }
}
