package dev.signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fluent assertions: what passes, and what a failure says. */
@CaptureSignals
class CapturedSignalsTest {

    static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    static final Signal PAYMENT_AUTHORIZED = Signal.of("PAYMENT_AUTHORIZED");
    static final Signal ORDER_CONFIRMED = Signal.of("ORDER_CONFIRMED");
    static final Signal ORDER_SHIPPED = Signal.of("ORDER_SHIPPED");
    static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);

    private static void placeOrder(String id, int items) {
        Signals.emit(ORDER_CREATED, "Order created", Field.of("order_id", id), Field.of("items", items));
        try (Span span = Signals.span("charge_card", Field.of("order_id", id))) {
            try (Span inner = Signals.span("call_bank")) {
                Signals.emit(PAYMENT_AUTHORIZED, "Authorized", Field.of("order_id", id), Field.of("amount", 12.5),
                        Field.secret("token", "tok-" + id));
            }
        }
        Signals.emit(ORDER_CONFIRMED, "Order confirmed", Field.of("order_id", id));
    }

    @Test
    void fluentAssertionsPassOnWhatWasEmitted(CapturedSignals captured) {
        placeOrder("o-1", 2);
        placeOrder("o-2", 3);

        captured.assertEmitted(ORDER_CREATED).times(2);
        captured.assertEmitted(ORDER_CREATED).withField("order_id", "o-1").withField("items", 2).times(1);
        captured.assertEmitted(ORDER_CREATED).withField(Field.of("items", 3L)).withMessage("Order created");
        captured.assertEmitted(PAYMENT_AUTHORIZED).withField("amount", 12.5).withField("token", "tok-o-2")
                .withMessageContaining("Author");
        captured.assertEmitted(PAYMENT_AUTHORIZED).inSpan("call_bank").times(2);
        captured.assertEmitted(PAYMENT_AUTHORIZED).inSpan("charge_card").withField("order_id", "o-2").times(1);
        captured.assertEmitted(Span.ENDED).withField("span", "charge_card").withField("duration").times(2);
        captured.assertEmitted(ORDER_CREATED).withField("order_id", "o-2")
                .thenEmitted(PAYMENT_AUTHORIZED).withField("order_id", "o-2")
                .thenEmitted(ORDER_CONFIRMED).times(1);
        captured.assertOrder(ORDER_CREATED, PAYMENT_AUTHORIZED, ORDER_CONFIRMED, ORDER_CREATED);
        captured.assertEmitted(ORDER_CONFIRMED).matching("for an order starting with o-",
                e -> e.field("order_id").stringValue().startsWith("o-")).times(2);
        captured.assertNotEmitted(ORDER_SHIPPED);
        assertEquals("o-1", captured.assertEmitted(ORDER_CREATED).event().field("order_id").stringValue());
        assertEquals(2, captured.events(ORDER_CONFIRMED).size());
    }

    @Test
    void aMissingSignalFailsListingWhatWasCaptured(CapturedSignals captured) {
        placeOrder("o-1", 2);

        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> captured.assertEmitted(ORDER_SHIPPED));
        String m = e.getMessage();
        assertTrue(m.startsWith("Expected ORDER_SHIPPED to be emitted, but it was not.\nCaptured in this test (7 events):\n"), m);
        assertTrue(m.contains(" ORDER_CREATED \"Order created\" order_id=\"o-1\" items=2\n"), m);
        assertTrue(m.contains(" PAYMENT_AUTHORIZED \"Authorized\" order_id=\"o-1\" amount=12.5 token=\"***\" [span "), m);
    }

    @Test
    void aFieldThatDoesNotMatchFailsListingTheCandidates(CapturedSignals captured) {
        placeOrder("o-1", 2);
        placeOrder("o-2", 3);

        String m = assertThrows(AssertionFailedError.class,
                () -> captured.assertEmitted(ORDER_CREATED).withField("order_id", "o-9")).getMessage();
        assertTrue(m.startsWith("Expected ORDER_CREATED with order_id=\"o-9\" to be emitted, but it was not."
                + " None of the 2 candidates passes 'with order_id=\"o-9\"':\n"), m);
        assertTrue(m.contains("Captured in this test (14 events):"), m);

        String typed = assertThrows(AssertionFailedError.class,
                () -> captured.assertEmitted(ORDER_CREATED).withField("items", "2")).getMessage();
        assertTrue(typed.startsWith("Expected ORDER_CREATED with items=\"2\" to be emitted"), typed);
    }

    @Test
    void aWrongCountSaysHowManyThereWere(CapturedSignals captured) {
        placeOrder("o-1", 2);
        placeOrder("o-2", 3);

        String m = assertThrows(AssertionFailedError.class, () -> captured.assertEmitted(ORDER_CREATED).times(1))
                .getMessage();
        assertTrue(m.startsWith("Expected ORDER_CREATED to be emitted 1 time, but it was emitted 2 times:\n"), m);
    }

    @Test
    void aWrongOrderSaysWhatCameBefore(CapturedSignals captured) {
        placeOrder("o-1", 2);

        String m = assertThrows(AssertionFailedError.class,
                () -> captured.assertOrder(ORDER_CONFIRMED, ORDER_CREATED)).getMessage();
        assertTrue(m.startsWith("Expected ORDER_CONFIRMED, then ORDER_CREATED, but no ORDER_CREATED was emitted after #"), m);
        assertTrue(m.contains("; it was emitted only before:\n"), m);
    }

    @Test
    void anEmittedSignalFailsAssertNotEmitted(CapturedSignals captured) {
        Signals.emit(PAYMENT_FAILED, "Card declined", Field.of("order_id", "o-1"));

        String m = assertThrows(AssertionFailedError.class, () -> captured.assertNotEmitted(PAYMENT_FAILED)).getMessage();
        assertTrue(m.startsWith("Expected PAYMENT_FAILED not to be emitted, but it was, 1 time:\n"), m);
        assertTrue(m.contains("PAYMENT_FAILED \"Card declined\" order_id=\"o-1\""), m);
    }

    @Test
    void spansAreFoundByNameAndNesting(CapturedSignals captured) {
        placeOrder("o-1", 2);

        String unknown = assertThrows(AssertionFailedError.class,
                () -> captured.assertEmitted(PAYMENT_AUTHORIZED).inSpan("ship_order")).getMessage();
        assertTrue(unknown.startsWith("Expected PAYMENT_AUTHORIZED in span ship_order, but no span named ship_order"
                + " was opened in this test."), unknown);

        String outside = assertThrows(AssertionFailedError.class,
                () -> captured.assertEmitted(ORDER_CREATED).inSpan("charge_card")).getMessage();
        assertTrue(outside.startsWith("Expected ORDER_CREATED in span charge_card to be emitted, but it was not."), outside);
    }

    @Test
    void errorsAreMatchedByType(CapturedSignals captured) {
        Signals.emit(PAYMENT_FAILED, "declined", Field.error(new IllegalStateException("insufficient funds")));

        captured.assertEmitted(PAYMENT_FAILED).withError(IllegalStateException.class);
        captured.assertEmitted(PAYMENT_FAILED).withError(RuntimeException.class);
        assertThrows(AssertionFailedError.class,
                () -> captured.assertEmitted(PAYMENT_FAILED).withError(java.io.IOException.class));
    }

    @Test
    void valuesCompareTheWayAReaderExpects(CapturedSignals captured) {
        Signals.emit(ORDER_CREATED, "typed", Field.of("items", 2L), Field.of("ratio", 2.0), Field.of("rush", true),
                Field.of("wait", Duration.ofSeconds(3)), Field.of("tags", (Object) List.of("a", "b")));

        captured.assertEmitted(ORDER_CREATED).withField("items", 2).withField("items", (short) 2)
                .withField("ratio", 2).withField("ratio", 2.0f).withField("rush", true)
                .withField("wait", Duration.ofSeconds(3)).withField("tags", List.of("a", "b"));
        assertThrows(AssertionFailedError.class, () -> captured.assertEmitted(ORDER_CREATED).withField("items", 3));
        assertThrows(AssertionFailedError.class, () -> captured.assertEmitted(ORDER_CREATED).withField("rush", "true"));
    }

    @Test
    void nothingCapturedSaysWhereCapturesComeFrom(CapturedSignals captured) {
        String m = assertThrows(AssertionFailedError.class, () -> captured.assertEmitted(ORDER_CREATED)).getMessage();
        assertTrue(m.contains("Nothing was captured in this test. Events are captured from the test's thread and from"
                + " tasks wrapped with Signals.wrap"), m);
        assertEquals(List.of(), captured.events());
    }

    @Test
    void clearForgetsWhatCameBefore(CapturedSignals captured) {
        placeOrder("o-1", 2);
        captured.clear();
        Signals.emit(ORDER_SHIPPED, "shipped");

        assertEquals(List.of(ORDER_SHIPPED), captured.events().stream().map(e -> e.signal()).toList());
        captured.assertNotEmitted(ORDER_CREATED);
        assertTrue(captured.toString().contains("ORDER_SHIPPED \"shipped\""), captured.toString());
    }
}
