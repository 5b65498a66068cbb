package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Circuit breakers, fallbacks and retries. */
class ResilienceTest {

    private static final Signal WORK = Signal.of("RESILIENCE_WORK");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private final FakeClock clock = new FakeClock();
    private final Router router = new Router(QUIET, clock);

    /** Fails while {@link #broken} is set. */
    static final class FlakySink extends RecordingSink {
        final AtomicBoolean broken = new AtomicBoolean(true);

        FlakySink() {
            super("flaky");
        }

        @Override
        public synchronized void accept(Event event) {
            if (broken.get()) {
                throw new IllegalStateException("down");
            }
            super.accept(event);
        }
    }

    private void emit(int n) {
        for (int i = 0; i < n; i++) {
            router.dispatch(Event.builder(WORK).build());
        }
    }

    private static long count(RecordingSink sink, Signal signal) {
        return sink.events().stream().filter(e -> e.signal() == signal).count();
    }

    @Test
    void theBreakerOpensDivertsToTheFallbackProbesAndCloses() {
        FlakySink flaky = new FlakySink();
        RecordingSink fallback = new RecordingSink("fallback");
        RecordingSink observer = new RecordingSink("observer");
        router.route("*", Severity.TRACE, flaky,
                DeliveryPolicy.builder().circuitBreaker(3, Duration.ofSeconds(10)).fallback(fallback).build());
        router.route("SINK_*", observer);

        emit(10);
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertEquals(3, s.failures(), "three failures open the breaker; then it is not called");
        assertEquals("OPEN", s.circuit());
        assertEquals(10, s.diverted(), "every event reached the fallback: 3 failed ones and 7 while open");
        assertEquals(10, count(fallback, WORK));
        assertEquals(1, count(observer, RouterSignals.SINK_CIRCUIT_OPENED));

        clock.advance(Duration.ofSeconds(9));
        emit(1);
        assertEquals(3, router.stats().sinks().values().iterator().next().failures(), "still open before the delay");

        clock.advance(Duration.ofSeconds(1));
        emit(1);
        assertEquals(4, router.stats().sinks().values().iterator().next().failures(), "the probe failed: open again");

        flaky.broken.set(false);
        clock.advance(Duration.ofSeconds(10));
        emit(5);
        s = router.stats().sinks().values().iterator().next();
        assertEquals("CLOSED", s.circuit());
        assertEquals(5, s.delivered());
        assertEquals(1, count(observer, RouterSignals.SINK_CIRCUIT_CLOSED));
        assertEquals(s.routed(), s.delivered() + s.diverted() + s.droppedTotal());
    }

    @Test
    void withoutAFallbackEventsWhileOpenAreCountedAsCircuitOpen() {
        FlakySink flaky = new FlakySink();
        router.route("*", Severity.TRACE, flaky, DeliveryPolicy.builder().circuitBreaker(2, Duration.ofSeconds(1)).build());
        emit(5);
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertEquals(2, s.dropped(DropReason.FAILURE));
        assertEquals(3, s.dropped(DropReason.CIRCUIT_OPEN));
    }

    @Test
    void retriesDeliverAnEventOnceWhenTheSinkRecovers() {
        Router real = new Router(QUIET, System::nanoTime);
        AtomicInteger calls = new AtomicInteger();
        RecordingSink got = new RecordingSink("got");
        Sink twiceBroken = e -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("transient");
            }
            got.accept(e);
        };
        real.route("*", Severity.TRACE, twiceBroken, DeliveryPolicy.builder().async(16, Overflow.BLOCK)
                .retry(3, Duration.ofMillis(1), Duration.ofMillis(2)).build());
        real.dispatch(Event.builder(WORK).build());
        assertTrue(real.flush(Duration.ofSeconds(30)));
        SinkStats s = real.stats().sinks().values().iterator().next();
        assertEquals(1, got.events().size());
        assertEquals(2, s.failures());
        assertEquals(1, s.delivered());
        real.close();
    }

    @Test
    void exhaustedRetriesAreCountedAsFailures() {
        Router real = new Router(QUIET, System::nanoTime);
        real.route("*", Severity.TRACE, e -> {
            throw new IllegalStateException("always");
        }, DeliveryPolicy.builder().async(16, Overflow.BLOCK).retry(2, Duration.ZERO, Duration.ZERO).build());
        real.dispatch(Event.builder(WORK).build());
        real.close(Duration.ofSeconds(30));
        SinkStats s = real.stats().sinks().values().iterator().next();
        assertEquals(2, s.failures());
        assertEquals(1, s.dropped(DropReason.FAILURE));
    }

    @Test
    void retryOnASynchronousSinkIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeliveryPolicy.builder().retry(3, Duration.ZERO, Duration.ZERO).build());
        assertTrue(e.getMessage().contains("async"));
    }

    @Test
    void aSinkWhoseCodeLogsNeverFeedsItsOwnQueue() {
        Router real = new Router(QUIET, System::nanoTime);
        Sink chatty = e -> {
            for (int i = 0; i < 10; i++) {
                real.dispatch(Event.builder(Signal.of("RESILIENCE_CHATTER")).build());
            }
        };
        real.route("*", Severity.TRACE, chatty, DeliveryPolicy.builder().async(2, Overflow.BLOCK).build());
        for (int i = 0; i < 100; i++) {
            real.dispatch(Event.builder(WORK).build());
        }
        assertTrue(real.flush(Duration.ofSeconds(30)));
        SinkStats s = real.stats().sinks().values().iterator().next();
        assertEquals(100, s.delivered());
        assertEquals(1_000, s.dropped(DropReason.FEEDBACK), "its worker's own events are counted, not queued");
        assertEquals(s.routed(), s.delivered() + s.droppedTotal());
        real.close();
    }

    @Test
    void aWorkerWhoseSinkLogsIntoAnotherSinksFullQueueNeverWaitsOnIt() throws Exception {
        Router real = new Router(QUIET, System::nanoTime);
        CountDownLatch release = new CountDownLatch(1);
        Sink chatty = e -> {
            for (int i = 0; i < 10; i++) {
                real.dispatch(Event.builder(Signal.of("RESILIENCE_TO_STUCK")).build());
            }
        };
        Sink stuck = e -> {
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        };
        real.route("RESILIENCE_TO_CHATTY", Severity.TRACE, null, null, chatty,
                DeliveryPolicy.builder().async(2, Overflow.BLOCK).build(), "chatty");
        real.route("RESILIENCE_TO_STUCK", Severity.TRACE, null, null, stuck,
                DeliveryPolicy.builder().async(2, Overflow.BLOCK).build(), "stuck");
        for (int i = 0; i < 100; i++) {
            real.dispatch(Event.builder(Signal.of("RESILIENCE_TO_CHATTY")).build());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (real.stats().sink("chatty").delivered() < 100) {
            assertTrue(System.nanoTime() < deadline, "the chatty sink's worker waits on the stuck sink's queue");
            Thread.onSpinWait();
        }
        release.countDown();
        assertTrue(real.flush(Duration.ofSeconds(30)));
        for (SinkStats s : real.stats().sinks().values()) {
            assertEquals(s.routed(), s.delivered() + s.droppedTotal(), s.toString());
        }
        assertTrue(real.stats().dropped(DropReason.OVERFLOW) > 900, "the worker dropped rather than waited");
        real.close();
    }
}
