package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.BatchFailedException;
import dev.signals.router.spi.BatchSink;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Sinks that ship in batches are counted delivered when a batch arrives, and failed batches are accounted event by event. */
class BatchSinkTest {

    private static final Signal ITEM = Signal.of("BATCH_ITEM");

    /** Gathers events; ships them on flush, or fails the whole batch while {@link #down} is set. */
    static final class ShippingSink implements BatchSink {
        final List<Event> buffer = new ArrayList<>();
        final List<List<Event>> shipped = new ArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        private final Duration linger;

        ShippingSink(Duration linger) {
            this.linger = linger;
        }

        @Override
        public synchronized void accept(Event event) {
            buffer.add(event);
        }

        @Override
        public synchronized void flush() throws BatchFailedException {
            if (buffer.isEmpty()) {
                return;
            }
            List<Event> batch = new ArrayList<>(buffer);
            buffer.clear();
            if (down.get()) {
                throw new BatchFailedException("endpoint down", batch, new java.io.IOException("refused"));
            }
            shipped.add(batch);
        }

        @Override
        public Duration linger() {
            return linger;
        }

        synchronized int shippedEvents() {
            return shipped.stream().mapToInt(List::size).sum();
        }
    }

    private final Router router = new Router(new PrintStream(OutputStream.nullOutputStream()), System::nanoTime);

    private void emit(int n) {
        for (int i = 0; i < n; i++) {
            router.dispatch(Event.builder(ITEM).build());
        }
    }

    @Test
    void eventsArePendingUntilTheirBatchShipsAndLingerGathersThem() {
        ShippingSink sink = new ShippingSink(Duration.ofHours(1));
        router.route("BATCH_*", Severity.TRACE, sink, DeliveryPolicy.builder().async(1024, Overflow.BLOCK).build());
        emit(10);
        assertTrue(router.flush(Duration.ofSeconds(30)));
        assertEquals(1, sink.shipped.size(), "lingering gathered the ten events into one batch");
        assertEquals(10, sink.shipped.get(0).size());
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertEquals(10, s.delivered());
        assertEquals(0, s.pending());
        router.close();
    }

    @Test
    void aFailedBatchGoesToTheFallbackEventByEventAndFeedsTheBreaker() {
        ShippingSink sink = new ShippingSink(Duration.ofHours(1));
        RecordingSink fallback = new RecordingSink("fallback");
        router.route("BATCH_*", Severity.TRACE, sink, DeliveryPolicy.builder().async(1024, Overflow.BLOCK)
                .circuitBreaker(1, Duration.ofHours(1)).fallback(fallback).build());
        emit(5);
        assertTrue(router.flush(Duration.ofSeconds(30)));
        sink.down.set(true);
        emit(7);
        router.flush(Duration.ofSeconds(30));
        emit(3);
        router.close(Duration.ofSeconds(30));

        SinkStats s = router.stats().sinks().values().iterator().next();
        assertEquals(15, s.routed());
        assertEquals(5, s.delivered(), "only the batch that shipped");
        assertEquals(10, s.diverted(), "the failed batch of 7, then 3 while the breaker was open");
        assertEquals(0, s.pending());
        assertEquals("OPEN", s.circuit());
        assertEquals(10, fallback.events().size());
        assertEquals(5, sink.shippedEvents());
    }

    @Test
    void aProbeIsShippedAtOnceSoTheBreakerClosesWithoutWaitingForAFlush() {
        ShippingSink sink = new ShippingSink(Duration.ofHours(1));
        router.route("BATCH_*", Severity.TRACE, sink, DeliveryPolicy.builder().circuitBreaker(1, Duration.ZERO).build());
        sink.down.set(true);
        emit(2);
        router.flush(Duration.ofSeconds(30));
        assertEquals("OPEN", router.stats().sinks().values().iterator().next().circuit());
        sink.down.set(false);
        emit(1);
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertEquals("CLOSED", s.circuit(), "the probe's batch shipped as soon as it was accepted");
        assertEquals(1, s.delivered());
        router.close();
    }

    @Test
    void withoutAFallbackAFailedBatchIsCountedAsDropped() {
        ShippingSink sink = new ShippingSink(Duration.ZERO);
        sink.down.set(true);
        router.route("BATCH_*", Severity.TRACE, sink, DeliveryPolicy.builder().async(1024, Overflow.BLOCK).build());
        emit(4);
        router.close(Duration.ofSeconds(30));
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertEquals(4, s.dropped(DropReason.FAILURE));
        assertEquals(0, s.delivered());
        assertEquals(s.routed(), s.delivered() + s.droppedTotal());
    }
}
