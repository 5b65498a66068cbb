package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryStack;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.BeforeCapture;
import dev.signals.router.spi.OwnThreads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    private static final Signal ORDER_SHIPPED = Signal.of("ORDER_SHIPPED");
    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    private static final Signal CACHE_MISS = Signal.of("CACHE_MISS", Severity.DEBUG);

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Router router = new Router(new PrintStream(errBytes, true, StandardCharsets.UTF_8), System::nanoTime);

    private void emit(Signal s) {
        if (router.isRouted(s)) {
            router.dispatch(Event.builder(s).message(s.name()).build());
        }
    }

    private static List<String> names(RecordingSink sink) {
        List<String> out = new ArrayList<>();
        for (Event e : sink.events()) {
            out.add(e.signal().name());
        }
        return out;
    }

    @Test
    void exactPrefixAndWildcardPatterns() {
        RecordingSink exact = new RecordingSink("exact");
        RecordingSink prefix = new RecordingSink("prefix");
        RecordingSink all = new RecordingSink("all");
        router.route("ORDER_CREATED", exact);
        router.route("ORDER_*", prefix);
        router.route("*", all);
        emit(ORDER_CREATED);
        emit(ORDER_SHIPPED);
        emit(PAYMENT_FAILED);
        assertEquals(List.of("ORDER_CREATED"), names(exact));
        assertEquals(List.of("ORDER_CREATED", "ORDER_SHIPPED"), names(prefix));
        assertEquals(List.of("ORDER_CREATED", "ORDER_SHIPPED", "PAYMENT_FAILED"), names(all));
    }

    @Test
    void minimumSeverityPerRoute() {
        RecordingSink errors = new RecordingSink("errors");
        router.route("*", Severity.WARN, errors);
        emit(CACHE_MISS);
        emit(ORDER_CREATED);
        emit(PAYMENT_FAILED);
        assertEquals(List.of("PAYMENT_FAILED"), names(errors));
        assertFalse(router.isRouted(CACHE_MISS));
        assertTrue(router.isRouted(PAYMENT_FAILED));
    }

    @Test
    void aSinkReachedBySeveralRoutesGetsAnEventOnce() {
        RecordingSink sink = new RecordingSink("once");
        router.route("ORDER_*", sink);
        router.route("*", sink);
        router.route("ORDER_CREATED", sink);
        emit(ORDER_CREATED);
        assertEquals(1, sink.events().size());
    }

    @Test
    void aLambdaIsASink() {
        List<Event> seen = new ArrayList<>();
        router.route("ORDER_*", seen::add);
        emit(ORDER_CREATED);
        assertEquals(1, seen.size());
    }

    @Test
    void removingARouteStopsDeliveryAndClosesAnOrphanedSink() {
        RecordingSink kept = new RecordingSink("kept");
        RecordingSink removed = new RecordingSink("removed");
        Route keep = router.route("*", kept);
        Route drop = router.route("*", removed);
        Route alsoKept = router.route("ORDER_*", kept);
        emit(ORDER_CREATED);
        assertTrue(drop.remove());
        assertFalse(drop.remove());
        assertTrue(alsoKept.remove());
        emit(ORDER_CREATED);
        assertEquals(1, removed.events().size());
        assertTrue(removed.closed.get());
        assertFalse(kept.closed.get(), "still routed by another route");
        assertEquals(2, kept.events().size());
        assertEquals(1, router.routes().size());
        assertEquals(keep, router.routes().get(0));
    }

    @Test
    void unroutedSignalsAreNotRouted() {
        assertFalse(router.isRouted(ORDER_CREATED));
        router.route("PAYMENT_*", e -> { });
        assertFalse(router.isRouted(ORDER_CREATED));
        assertTrue(router.isRouted(PAYMENT_FAILED));
    }

    @Test
    void aThrowingSinkDoesNotAffectAHealthyOneAndIsReported() {
        RecordingSink healthy = new RecordingSink("healthy");
        List<Event> failingSaw = new ArrayList<>();
        router.route("*", e -> {
            failingSaw.add(e);
            throw new IllegalStateException("disk on fire");
        });
        router.route("*", healthy);
        emit(ORDER_CREATED);
        emit(ORDER_SHIPPED);

        List<String> healthyGot = names(healthy);
        assertEquals(List.of("SINK_FAILED", "ORDER_CREATED", "ORDER_SHIPPED"), healthyGot,
                "one SINK_FAILED report: the second failure falls in the same rate-limit window");
        Event report = healthy.events().get(0);
        assertEquals("disk on fire", report.field("error").errorValue().getMessage());
        assertTrue(report.field("sink").stringValue().startsWith("lambda#"));
        for (Event e : failingSaw) {
            assertFalse(e.signal() == RouterSignals.SINK_FAILED, "never reported back into the failing sink");
        }
        SinkStats failing = router.stats().sinks().values().iterator().next();
        assertEquals(2, failing.failures());
        assertEquals(2, failing.dropped(DropReason.FAILURE));
        assertEquals(2, failing.routed());
        assertEquals(0, failing.delivered());
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("disk on fire"));
    }

    @Test
    void whatASinkEmitsWhileDeliveringNeverFlowsBackIntoIt() {
        List<Event> got = new ArrayList<>();
        router.route("*", e -> {
            got.add(e);
            router.dispatch(Event.builder(ORDER_SHIPPED).build());
        });
        emit(ORDER_CREATED);
        assertEquals(List.of(ORDER_CREATED), got.stream().map(Event::signal).toList());
        SinkStats s = router.stats().sinks().values().iterator().next();
        assertEquals(1, s.dropped(DropReason.FEEDBACK), "the echo is counted, not lost silently");
        assertEquals(s.routed(), s.delivered() + s.droppedTotal());
    }

    /** A sink that names the threads of the library it sends with, and records what it gets. */
    private static final class LibraryBackedSink implements Sink, OwnThreads {
        final List<Event> got = new ArrayList<>();

        @Override
        public void accept(Event event) {
            got.add(event);
        }

        @Override
        public boolean isOwnThread(String threadName) {
            if (threadName.equals("hostile-name-check")) {
                throw new IllegalStateException("a sink's own check failing");
            }
            return threadName.startsWith("library-io-");
        }
    }

    @Test
    void whatASinksLibraryLogsOnItsOwnThreadsNeverFlowsBackIntoIt() throws Exception {
        LibraryBackedSink library = new LibraryBackedSink();
        RecordingSink other = new RecordingSink("other");
        router.route("*", library);
        router.route("*", other);
        for (String thread : new String[] {"library-io-1", "library-io-selector", "application", "hostile-name-check"}) {
            Thread t = new Thread(() -> emit(ORDER_CREATED), thread);
            t.start();
            t.join();
        }
        assertEquals(List.of("application", "hostile-name-check"), library.got.stream().map(Event::thread).toList(),
                "the library's threads are held back; a check that throws counts as not its own");
        assertEquals(4, other.events().size(), "every other sink gets them all");
        SinkStats s = router.stats().sinks().values().stream().filter(x -> x.delivered() == 2).findFirst().orElseThrow();
        assertEquals(2, s.dropped(DropReason.FEEDBACK), "counted, not lost silently");
        assertEquals(s.routed(), s.delivered() + s.droppedTotal());
    }

    /** A sink that acts before events are made, and fails at it in every way it can. */
    private static final class FailingBeforeCapture implements Sink, BeforeCapture {
        final List<Event> got = new ArrayList<>();
        final List<Signal> asked = new ArrayList<>();

        @Override
        public void accept(Event event) {
            got.add(event);
        }

        @Override
        public void beforeCapture(Signal signal) {
            asked.add(signal);
            if (asked.size() % 2 == 1) {
                throw new NoClassDefFoundError("com/example/Missing");
            }
            throw new IllegalStateException("no");
        }
    }

    @Test
    void aSinkFailingBeforeTheEventIsMadeStillGetsItAndTheCallerSeesNothing() {
        FailingBeforeCapture sink = new FailingBeforeCapture();
        router.route("*", sink);
        Field[] none = {};
        router.emit(ORDER_CREATED, "first", none, none);
        router.emit(ORDER_SHIPPED, "second", none, none);
        assertEquals(List.of(ORDER_CREATED, ORDER_SHIPPED), sink.asked, "asked before each event, on the emitting thread");
        assertEquals(List.of("first", "second"), sink.got.stream().map(Event::message).toList(), "an Error or an exception there loses nothing");
    }

    @Test
    void aChainOfSinksEmittingIntoEachOtherStopsAtTheNestingLimitAndCountsIt() {
        int sinks = DeliveryStack.MAX_DEPTH + 2;
        int[] got = new int[sinks];
        for (int i = 0; i < sinks; i++) {
            int level = i;
            router.route("NEST_" + i, Severity.TRACE, e -> {
                got[level]++;
                router.dispatch(Event.builder(Signal.of("NEST_" + (level + 1))).build());
            });
        }
        router.dispatch(Event.builder(Signal.of("NEST_0")).build());
        assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0}, got);
        assertEquals(1, router.stats().dropped(DropReason.NESTED), "the fifth level is counted at its sink");
    }

    @Test
    void closeFlushesAndClosesEverySinkAndStopsDelivery() {
        RecordingSink sink = new RecordingSink("s");
        router.route("*", sink);
        router.close();
        assertTrue(sink.flushed.get() || sink.closed.get());
        assertTrue(sink.closed.get());
        emit(ORDER_CREATED);
        emit(ORDER_CREATED);
        assertTrue(sink.events().isEmpty());
        assertEquals(2, router.stats().emittedAfterClose(), "events after close are counted, not lost silently");
        assertEquals(1, errBytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("emitted after the router closed")).count(), "and said once");
        assertTrue(router.routes().isEmpty());
        assertThrows(IllegalStateException.class, () -> router.route("*", e -> { }));
    }

    @Test
    void badPatternsAreRefusedAtRoutingTime() {
        for (String bad : new String[] {"", "ORDER *", "*ORDER", "OR*DER", "**"}) {
            assertThrows(IllegalArgumentException.class, () -> router.route(bad, e -> { }), bad);
        }
    }

    @Test
    void fieldsReachTheSinkUntouched() {
        RecordingSink sink = new RecordingSink("s");
        router.route("ORDER_CREATED", sink);
        router.dispatch(Event.builder(ORDER_CREATED).fields(Field.of("order_id", "o-1"), Field.of("items", 2)).build());
        Event e = sink.events().get(0);
        assertEquals("o-1", e.field("order_id").stringValue());
        assertEquals(2, e.field("items").longValue());
    }
}
