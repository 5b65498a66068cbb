package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Emitter;
import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Scope;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facade over the global router, found through the dispatcher SPI. */
class SignalsFacadeTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);

    private final RecordingSink sink = new RecordingSink("facade");
    private Route route;

    @BeforeEach
    void routeEverything() {
        route = Router.global().route("*", sink);
    }

    @AfterEach
    void unroute() {
        route.remove();
    }

    @Test
    void emitReachesTheGlobalRouter() {
        Signals.emit(ORDER_CREATED, "Order created", Field.of("order_id", "o-1"), Field.of("items", 2));
        Event e = sink.events().get(0);
        assertSame(ORDER_CREATED, e.signal());
        assertEquals("Order created", e.message());
        assertEquals(List.of(Field.of("order_id", "o-1"), Field.of("items", 2)), e.fields());
    }

    /** Nulls wherever the facade takes an argument, with every signal routed so that each call reaches the router. */
    @Test
    void nullsReachTheRouterWithoutThrowingAndNothingFalseIsEmitted() {
        Signals.emit(null, null, (Field[]) null);
        Signals.emit(null, "no signal");
        Signals.emit(ORDER_CREATED, null, (Field) null, null);
        Signals.emit(ORDER_CREATED, null, (Field[]) null);
        Signals.info(null);
        Signals.with((Field[]) null).warn(null, (Field) null);
        try (Scope scope = Signals.scope((Field[]) null)) {
            Signals.error(null, Field.error(null));
        }
        try (Span span = Signals.span(null, (Field[]) null)) {
            span.fail((Throwable) null);
        }
        Signals.snapshot(null);

        List<Event> got = sink.events();
        List<String> names = got.stream().map(e -> e.signal().name()).toList();
        assertEquals(List.of("ORDER_CREATED", "ORDER_CREATED", "INFO", "WARN", "ERROR"), names.subList(0, 5),
                "an event without a signal is not made; every other call arrives: " + names);
        for (Event e : got.subList(0, 5)) {
            assertEquals("", e.message(), "a null message is empty");
            assertTrue(e.fields().stream().allMatch(f -> f != null && f.key() != null), "no null field: " + e.fields());
        }
    }

    @Test
    void levelShortcutsEmitTheLevelSignals() {
        Signals.trace("t");
        Signals.debug("d");
        Signals.info("i");
        Signals.warn("w");
        Signals.error("e");
        Signals.fatal("f");
        List<Event> got = sink.events();
        assertEquals(List.of(Signal.TRACE, Signal.DEBUG, Signal.INFO, Signal.WARN, Signal.ERROR, Signal.FATAL),
                got.stream().map(Event::signal).toList());
        Signals.emit(PAYMENT_FAILED, "declined");
        assertEquals(Severity.ERROR, sink.events().get(6).severity());
    }

    @Test
    void everyFixedFieldCountKeepsItsFieldsInOrder() {
        Field a = Field.of("a", 1);
        Field b = Field.of("b", "two");
        Field c = Field.of("c", 3.5);
        Field d = Field.of("d", true);
        Field e = Field.of("e", 5L);
        Field f = Field.of("f", "six");
        Signals.emit(ORDER_CREATED, "0");
        Signals.emit(ORDER_CREATED, "1", a);
        Signals.emit(ORDER_CREATED, "2", a, b);
        Signals.emit(ORDER_CREATED, "3", a, b, c);
        Signals.emit(ORDER_CREATED, "4", a, b, c, d);
        Signals.emit(ORDER_CREATED, "5", a, b, c, d, e);
        Signals.emit(ORDER_CREATED, "6", a, b, c, d, e, f);
        Signals.emit(ORDER_CREATED, "7", a, b, c, d, e, f, Field.of("g", 7)); // the varargs form
        Signals.warn("w3", a, b, c);
        Signals.error("e6", a, b, c, d, e, f);
        List<Field> all = List.of(a, b, c, d, e, f);
        List<Event> got = sink.events();
        for (int n = 0; n <= 6; n++) {
            assertEquals(String.valueOf(n), got.get(n).message());
            assertEquals(all.subList(0, n), got.get(n).fields());
        }
        assertEquals(7, got.get(7).fieldCount());
        assertEquals(Signal.WARN, got.get(8).signal());
        assertEquals(all.subList(0, 3), got.get(8).fields());
        assertEquals(Signal.ERROR, got.get(9).signal());
        assertEquals(all, got.get(9).fields());
    }

    @Test
    void nullFieldsAreLeftOutInTheFixedFormsToo() {
        Signals.emit(ORDER_CREATED, "nulls", null, Field.of("kept", 1), null);
        assertEquals(List.of(Field.of("kept", 1)), sink.events().get(0).fields());
    }

    @Test
    void boundFieldsAndScopedFieldsTravelWithEvents() {
        Emitter orders = Signals.with(Field.of("service", "order-service"));
        try (Scope scope = Signals.scope(Field.of("request_id", "r-7"))) {
            orders.emit(ORDER_CREATED, "created", Field.of("order_id", "o-1"));
        }
        orders.with(Field.of("region", "eu")).info("no scope");
        Event inScope = sink.events().get(0);
        assertEquals("order-service", inScope.field("service").stringValue());
        assertEquals("r-7", inScope.field("request_id").stringValue());
        assertEquals("o-1", inScope.field("order_id").stringValue());
        Event after = sink.events().get(1);
        assertNull(after.field("request_id"));
        assertEquals("eu", after.field("region").stringValue());
    }

    @Test
    void isRoutedFollowsTheRouteTable() {
        Signal lonely = Signal.of("FACADE_LONELY");
        route.remove();
        assertFalse(Signals.isRouted(lonely));
        route = Router.global().route("FACADE_*", sink);
        assertTrue(Signals.isRouted(lonely));
        AtomicInteger computed = new AtomicInteger();
        if (Signals.isRouted(ORDER_CREATED)) {
            computed.incrementAndGet();
        }
        assertEquals(0, computed.get(), "no route for ORDER_CREATED now");
    }

    @Test
    void spansEmitStartAndEndAndStampEvents() {
        String traceId;
        long before = System.nanoTime();
        try (Span span = Signals.span("charge_card", Field.of("order_id", "o-1"))) {
            traceId = span.traceId();
            Signals.info("charging");
            span.fail(new IllegalStateException("declined"));
        }
        long around = System.nanoTime() - before;
        List<Event> got = sink.events();
        assertEquals(List.of("SPAN_STARTED", "INFO", "SPAN_ENDED"), got.stream().map(e -> e.signal().name()).toList());
        assertEquals(traceId, got.get(1).traceId());
        assertEquals("o-1", got.get(0).field("order_id").stringValue());
        assertEquals("ERROR", got.get(2).field("status").stringValue());
        assertEquals("declined", got.get(2).field("error").errorValue().getMessage());
        long duration = got.get(2).field("duration").durationValue().toNanos();
        assertTrue(duration >= 0 && duration <= around, "the span's own time, within the time around it: " + duration
                + " of " + around + " ns");
    }

    @Test
    void aThrowingSinkNeverReachesTheCaller() {
        Route bad = Router.global().route("*", e -> {
            throw new OutOfMemoryError("pretend");
        });
        try {
            Signals.emit(ORDER_CREATED, "still fine");
        } finally {
            bad.remove();
        }
        assertTrue(sink.events().stream().anyMatch(e -> e.signal() == ORDER_CREATED));
    }
}
