package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A producer interrupted while it waits on a full queue parks, delivers, and keeps its interrupt. */
class InterruptedProducerTest {

    private static final Signal WORK = Signal.of("INTERRUPTED_WORK", Severity.INFO);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @ParameterizedTest
    @ValueSource(ints = {2, 16})
    void waitsWithoutSpinningAndKeepsItsInterrupt(int capacity) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Router router = new Router(QUIET, System::nanoTime);
        CountDownLatch release = new CountDownLatch(1);
        router.route("INTERRUPTED_*", Severity.TRACE, null, null, event -> release.await(),
                DeliveryPolicy.builder().async(capacity, Overflow.BLOCK).build(), "slow");
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        CountDownLatch queueFull = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            // One held by the sink, the queue full behind it, then one that must wait.
            for (int i = 0; i <= capacity; i++) {
                router.dispatch(Event.builder(WORK).build());
            }
            Thread.currentThread().interrupt();
            queueFull.countDown();
            router.dispatch(Event.builder(WORK).build());
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        producer.start();
        queueFull.await();
        long cpuBefore = threads.getThreadCpuTime(producer.getId());
        long wallBefore = System.nanoTime();
        Thread.sleep(500); // a window to measure the blocked producer's CPU in, not a synchronisation
        long cpu = threads.getThreadCpuTime(producer.getId()) - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        assertTrue(producer.isAlive(), "the producer waits for room, interrupted or not");
        release.countDown();
        producer.join();
        assertTrue(cpu < wall / 5, "the waiting producer used " + cpu / 1_000_000 + " ms of CPU in "
                + wall / 1_000_000 + " ms");
        assertTrue(interruptedAfter.get(), "the producer's interrupt flag is still set");
        assertTrue(router.flush(Duration.ofSeconds(30)));
        SinkStats s = router.stats().sink("slow");
        assertEquals(capacity + 2, s.delivered(), s.toString());
        router.close();
    }
}
