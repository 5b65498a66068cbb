package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AsyncDeliveryTest {

    private static final Signal BURST = Signal.of("ASYNC_BURST");
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 250_000;

    /** A sink that takes a little work per event, so that a burst fills its queue. */
    static final class SlowCountingSink implements Sink {
        final AtomicLong received = new AtomicLong();
        volatile long sink;

        @Override
        public void accept(Event event) {
            long x = event.sequence();
            for (int i = 0; i < 200; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
            received.incrementAndGet();
        }
    }

    @ParameterizedTest
    @EnumSource(Overflow.class)
    void everyRoutedEventIsDeliveredOrDroppedByReasonExactly(Overflow overflow) throws Exception {
        Router router = new Router();
        SlowCountingSink slow = new SlowCountingSink();
        router.route("ASYNC_*", Severity.TRACE, slow, DeliveryPolicy.builder().async(1024, overflow).build());
        ConcurrencyTest.runConcurrently(PRODUCERS, t -> {
            for (int i = 0; i < PER_PRODUCER; i++) {
                router.dispatch(Event.builder(BURST).build());
            }
        });
        router.close(Duration.ofMinutes(2));
        SinkStats s = router.stats().sinks().values().iterator().next();
        long total = (long) PRODUCERS * PER_PRODUCER;
        assertEquals(total, s.routed());
        assertEquals(s.routed(), s.delivered() + s.droppedTotal(), "routed = delivered + dropped");
        assertEquals(slow.received.get(), s.delivered());
        assertEquals(0, s.dropped(DropReason.SHUTDOWN), "close() after the burst delivers all that was accepted");
        if (overflow == Overflow.BLOCK) {
            assertEquals(total, s.delivered(), "block loses nothing");
        } else {
            assertEquals(s.droppedTotal(), s.dropped(DropReason.OVERFLOW));
        }
    }

    @Test
    void flushWaitsUntilQueuedEventsAreDeliveredAndTheSinkFlushed() {
        Router router = new Router();
        List<Event> got = new ArrayList<>();
        CountDownLatch flushed = new CountDownLatch(1);
        Sink sink = new Sink() {
            @Override
            public void accept(Event event) {
                got.add(event);
            }

            @Override
            public void flush() {
                flushed.countDown();
            }
        };
        router.route("*", Severity.TRACE, sink, DeliveryPolicy.builder().async(64, Overflow.BLOCK).build());
        for (int i = 0; i < 1000; i++) {
            router.dispatch(Event.builder(BURST).build());
        }
        assertTrue(router.flush(Duration.ofSeconds(30)));
        assertEquals(1000, got.size());
        assertEquals(0, flushed.getCount());
        router.close();
    }

    @Test
    void aStuckSinkNeverHoldsUpTheApplicationBeyondItsPolicy() throws Exception {
        Router router = new Router(System.err, System::nanoTime);
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink healthy = new RecordingSink("healthy");
        router.route("*", Severity.TRACE, e -> release.await(), DeliveryPolicy.builder().async(8, Overflow.DROP_NEWEST).build());
        router.route("*", healthy);
        for (int i = 0; i < 10_000; i++) {
            router.dispatch(Event.builder(BURST).build());
        }
        assertEquals(10_000, healthy.events().size());
        SinkStats stuck = router.stats().sinks().values().iterator().next();
        assertEquals(10_000, stuck.routed());
        assertTrue(stuck.dropped(DropReason.OVERFLOW) >= 10_000 - 9, "at most the queue and one in hand wait");
        release.countDown();
        router.close(Duration.ofSeconds(30));
    }

    @Test
    void aBlockedProducerTakesTheFirstSlotThatFreesWhenTheSinkIsSlow() throws Exception {
        Router router = new Router();
        Semaphore permits = new Semaphore(0);
        CountDownLatch inSink = new CountDownLatch(1);
        router.route("*", Severity.TRACE, e -> {
            inSink.countDown();
            permits.acquire();
        }, DeliveryPolicy.builder().async(64, Overflow.BLOCK).build());
        router.dispatch(Event.builder(BURST).build());
        inSink.await(); // the worker holds the first event
        for (int i = 0; i < 64; i++) {
            router.dispatch(Event.builder(BURST).build()); // fills the queue
        }
        Thread producer = new Thread(() -> router.dispatch(Event.builder(BURST).build()), "blocked-producer");
        producer.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (producer.getState() != Thread.State.TIMED_WAITING && producer.isAlive()) {
            assertTrue(System.nanoTime() - deadline < 0, "the producer never parked on the full queue");
            Thread.onSpinWait(); // until it waits on the full queue, parked
        }
        permits.release(); // the worker finishes one event and takes the next: one slot frees
        producer.join(Duration.ofSeconds(30).toMillis());
        assertFalse(producer.isAlive(), "the producer still waits for a slot that is free");
        permits.release(1_000);
        router.close(Duration.ofSeconds(30));
        assertEquals(66, router.stats().sinks().values().iterator().next().delivered());
    }

    @Test
    void blockWithATimeoutGivesUpAndCounts() {
        Router router = new Router();
        CountDownLatch release = new CountDownLatch(1);
        router.route("*", Severity.TRACE, e -> release.await(),
                DeliveryPolicy.builder().async(2, Overflow.BLOCK).blockTimeout(Duration.ofMillis(1)).build());
        for (int i = 0; i < 20; i++) {
            router.dispatch(Event.builder(BURST).build());
        }
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertTrue(s.dropped(DropReason.OVERFLOW) >= 17, s.toString());
        release.countDown();
        router.close(Duration.ofSeconds(30));
        assertEquals(0, router.stats().sink(s.name()).pending());
    }

    @Test
    void closeCountsWhatItCannotDeliverByTheDeadline() {
        Router router = new Router();
        CountDownLatch release = new CountDownLatch(1);
        router.route("*", Severity.TRACE, e -> release.await(), DeliveryPolicy.builder().async(128, Overflow.BLOCK).build());
        for (int i = 0; i < 100; i++) {
            router.dispatch(Event.builder(BURST).build());
        }
        router.close(Duration.ofMillis(50));
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertTrue(s.dropped(DropReason.SHUTDOWN) >= 99, s.toString());
        release.countDown();
    }
}
