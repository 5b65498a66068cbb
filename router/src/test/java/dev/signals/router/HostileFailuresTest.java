package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Code that is not ours fails in ways that cannot describe themselves: an exception whose
 * {@code getMessage()} or {@code toString()} throws, or overflows the stack; a route filter
 * that throws an {@code Error}. Logging goes on, and every event is delivered or counted.
 */
class HostileFailuresTest {

    private static final Signal WORK = Signal.of("HOSTILE_WORK", Severity.INFO);
    private static final int EVENTS = 1_000;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Router router = new Router(new PrintStream(errBytes, true, StandardCharsets.UTF_8), System::nanoTime);

    /** Throws from getMessage (and so from toString). */
    static final class MessageThrows extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }
    }

    /** Throws from toString only. */
    static final class ToStringThrows extends RuntimeException {
        ToStringThrows() {
            super("readable message");
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("no toString for you");
        }
    }

    /** Recurses until the stack overflows when asked for its message. */
    static final class MessageRecurses extends RuntimeException {
        @Override
        public String getMessage() {
            return getMessage() + "!";
        }
    }

    static Stream<Arguments> hostileExceptions() {
        return Stream.of(
                Arguments.of("getMessage throws", (Supplier<RuntimeException>) MessageThrows::new),
                Arguments.of("toString throws", (Supplier<RuntimeException>) ToStringThrows::new),
                Arguments.of("getMessage overflows the stack", (Supplier<RuntimeException>) MessageRecurses::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileExceptions")
    void anAsyncSinkThrowingItKeepsItsWorkerAndCountsEveryEvent(String name, Supplier<RuntimeException> hostile) {
        Sink failing = event -> {
            throw hostile.get();
        };
        router.route("HOSTILE_*", Severity.TRACE, null, null, failing,
                DeliveryPolicy.builder().async(8, Overflow.BLOCK).build(), "failing");
        for (int i = 0; i < EVENTS; i++) {
            router.dispatch(Event.builder(WORK).build()); // would wait for ever behind a dead worker
        }
        assertTrue(router.flush(Duration.ofSeconds(30)), "the worker is alive and drained its queue");
        SinkStats s = router.stats().sink("failing");
        assertEquals(EVENTS, s.routed());
        assertEquals(EVENTS, s.droppedTotal(), s.toString());
        assertEquals(EVENTS, s.failures());
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains(hostile.get().getClass().getName()));
        router.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileExceptions")
    void aSyncSinkThrowingItNeitherReachesTheCallerNorSpoilsTheSinksAfterIt(String name,
                                                                           Supplier<RuntimeException> hostile) {
        Sink failing = event -> {
            throw hostile.get();
        };
        AtomicInteger healthy = new AtomicInteger();
        router.route("HOSTILE_*", Severity.TRACE, null, null, failing, DeliveryPolicy.DIRECT, "failing");
        router.route("HOSTILE_*", Severity.TRACE, null, null, event -> healthy.incrementAndGet(),
                DeliveryPolicy.DIRECT, "healthy");
        for (int i = 0; i < EVENTS; i++) {
            router.dispatch(Event.builder(WORK).build()); // a throw here fails the test
        }
        assertEquals(EVENTS, healthy.get());
        assertEquals(EVENTS, router.stats().sink("failing").droppedTotal());
        router.close();
    }

    static Stream<Arguments> filterErrors() {
        return Stream.of(
                Arguments.of(new NoClassDefFoundError("com/example/Gone")),
                Arguments.of(new StackOverflowError()),
                Arguments.of(new ExceptionInInitializerError("static init failed")),
                Arguments.of(new IllegalStateException("plain exception")));
    }

    @ParameterizedTest
    @MethodSource("filterErrors")
    void aFilterThrowingAnyThrowableLetsTheEventThroughToEverySink(Throwable thrown) {
        AtomicInteger filtered = new AtomicInteger();
        AtomicInteger unfiltered = new AtomicInteger();
        router.route("HOSTILE_*", Severity.TRACE, event -> {
            if (thrown instanceof Error) {
                throw (Error) thrown;
            }
            throw (RuntimeException) thrown;
        }, null, event -> filtered.incrementAndGet(), DeliveryPolicy.DIRECT);
        router.route("HOSTILE_*", event -> unfiltered.incrementAndGet());
        for (int i = 0; i < EVENTS; i++) {
            router.dispatch(Event.builder(WORK).build());
        }
        assertEquals(EVENTS, unfiltered.get(), "the unfiltered route is untouched");
        assertEquals(EVENTS, filtered.get(), "a failing filter lets events through");
        String err = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, err.lines().filter(l -> l.contains("route filter failed")).count(), err);
        router.close();
    }

    @ParameterizedTest
    @MethodSource("gateCounts")
    void anyNumberOfFilteredRoutesOnOneSignalWorks(int filteredRoutes) {
        AtomicInteger unconditional = new AtomicInteger();
        AtomicInteger[] got = new AtomicInteger[filteredRoutes];
        for (int i = 0; i < filteredRoutes; i++) {
            AtomicInteger counter = new AtomicInteger();
            got[i] = counter;
            int keep = i;
            router.route("HOSTILE_*", Severity.TRACE, event -> event.field("n").longValue() % filteredRoutes == keep,
                    null, event -> counter.incrementAndGet(), DeliveryPolicy.DIRECT);
        }
        router.route("HOSTILE_*", event -> unconditional.incrementAndGet());
        assertTrue(router.isRouted(WORK));
        for (int n = 0; n < filteredRoutes * 3; n++) {
            router.dispatch(Event.builder(WORK).fields(dev.signals.Field.of("n", n)).build());
        }
        assertEquals(filteredRoutes * 3, unconditional.get());
        for (int i = 0; i < filteredRoutes; i++) {
            assertEquals(3, got[i].get(), "filtered route " + i);
        }
        router.close();
    }

    static List<Integer> gateCounts() {
        return List.of(63, 64, 65, 130);
    }
}
