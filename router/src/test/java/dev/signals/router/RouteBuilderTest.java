package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A route built in code behaves as the same route in a config file. */
class RouteBuilderTest {

    private static final Signal PAYMENT = Signal.of("BUILDER_PAYMENT", Severity.WARN);
    private static final Signal DEBUGGY = Signal.of("BUILDER_DEBUG", Severity.DEBUG);

    private final FakeClock clock = new FakeClock();
    private final Router router = new Router(new PrintStream(OutputStream.nullOutputStream()), clock);

    @Test
    void everyConfigFeatureIsAvailableInCode() {
        RecordingSink target = new RecordingSink("target");
        RecordingSink fallback = new RecordingSink("fallback");
        router.route("BUILDER_*")
                .minSeverity(Severity.INFO)
                .where(e -> e.field("service") != null && "pay".equals(e.field("service").stringValue()))
                .sample(2, 0, Duration.ofSeconds(1))
                .circuitBreaker(1, Duration.ofSeconds(5))
                .fallback(fallback)
                .to(e -> {
                    throw new IllegalStateException("down");
                });
        router.route("BUILDER_*").async(16, Overflow.DROP_NEWEST).to(target);
        for (int i = 0; i < 4; i++) {
            router.dispatch(Event.builder(PAYMENT).fields(Field.of("service", "pay")).build());
        }
        router.dispatch(Event.builder(PAYMENT).fields(Field.of("service", "other")).build());
        router.dispatch(Event.builder(DEBUGGY).fields(Field.of("service", "pay")).build());
        router.flush(Duration.ofSeconds(30));

        SinkStats failing = router.stats().sinks().values().iterator().next();
        assertEquals(2, failing.dropped(DropReason.SAMPLED), "first 2 per interval, then none");
        assertEquals(1, failing.failures(), "the breaker opened after one failure");
        assertEquals(2, failing.diverted());
        assertEquals(2, fallback.events().size());
        assertEquals(6, target.events().size(), "the other route has no conditions");
        router.close();
    }

    @Test
    void aSinkRoutedInCodeCanBeNamedForItsFigures() {
        router.route("BUILDER_*").named("tally").to(e -> { });
        router.dispatch(Event.builder(PAYMENT).build());
        assertEquals(1, router.stats().sink("tally").delivered());
    }

    @Test
    void aSecondCloseWaitsForTheFirstToFinish() throws Exception {
        java.util.concurrent.CountDownLatch inClose = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean sinkClosed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean sawItClosed = new java.util.concurrent.atomic.AtomicBoolean();
        router.route("*").named("slow").to(new dev.signals.Sink() {
            @Override
            public void accept(Event event) {
            }

            @Override
            public void close() throws Exception {
                inClose.countDown();
                release.await();
                sinkClosed.set(true);
            }
        });
        Thread first = new Thread(() -> router.close(Duration.ofSeconds(30)));
        first.start();
        inClose.await();
        Thread second = new Thread(() -> {
            router.close(Duration.ofSeconds(30));
            sawItClosed.set(sinkClosed.get());
        });
        second.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (second.getState() != Thread.State.TIMED_WAITING && second.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        second.join();
        first.join();
        assertTrue(sawItClosed.get(), "the second close returned only after the first had closed every sink");
    }

    @Test
    void contradictionsAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> router.route("X").retry(3, Duration.ZERO, Duration.ZERO).to(e -> { }));
        assertThrows(IllegalArgumentException.class, () -> router.route("BAD PATTERN"));
        assertThrows(IllegalArgumentException.class, () -> router.route("X").async(0, Overflow.BLOCK));
    }
}
