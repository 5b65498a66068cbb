package dev.signals.log4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.slf4j.SignalsMdcAdapter;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Log4j API calls through the Signals provider: found by the Log4j API itself (over Log4j
 * Core's provider, also on the class path), each call an
 * event with the logger name; a {@code MapMessage}'s entries as typed fields, never written
 * into the text; markers, {@code ThreadContext} (shared with SLF4J's MDC) and throwables as
 * fields; a disabled level formats nothing.
 */
@CaptureSignals
class Log4jApiTest {

    private final Logger log = LogManager.getLogger("com.acme.orders.OrderService");

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void theLog4jApiFindsThisProviderOnItsOwnEvenBesideLog4jCore() throws ClassNotFoundException {
        Class.forName("org.apache.logging.log4j.core.impl.Log4jProvider"); // on the test class path
        assertInstanceOf(SignalsLoggerContextFactory.class, LogManager.getFactory());
        assertInstanceOf(SignalsLog4jLogger.class, log);
        assertSame(log, LogManager.getLogger("com.acme.orders.OrderService"), "one logger per name");
    }

    @Test
    void aCallIsAnEventOfItsLevelWithTheLoggerName(CapturedSignals captured) {
        log.info("order {} placed for {}", "A-1", 3);
        log.warn("slow");
        log.fatal("gone");

        captured.assertEmitted(Signal.INFO).withMessage("order A-1 placed for 3")
                .withField("logger", "com.acme.orders.OrderService")
                .thenEmitted(Signal.WARN).withMessage("slow")
                .thenEmitted(Signal.ERROR).withMessage("gone");
    }

    @Test
    void aMapMessagesEntriesAreTypedFieldsAndStayOutOfTheText(CapturedSignals captured) {
        log.info(new MapMessage<>().with("order", "A-1").with("quantity", 3).with("price", 9.5).with("paid", true));

        Event e = captured.assertEmitted(Signal.INFO).event();
        assertEquals("", e.message(), "no format: no text, and above all not the entries");
        assertEquals(Field.Type.STRING, e.field("order").type());
        assertEquals("A-1", e.field("order").stringValue());
        assertEquals(Field.Type.LONG, e.field("quantity").type(), "a number stays a number");
        assertEquals(3, e.field("quantity").longValue());
        assertEquals(Field.Type.DOUBLE, e.field("price").type());
        assertEquals(9.5, e.field("price").doubleValue());
        assertEquals(Field.Type.BOOLEAN, e.field("paid").type());
        assertTrue(e.field("paid").booleanValue());
        assertEquals(List.of("logger", "order", "paid", "price", "quantity"),
                e.fields().stream().map(Field::key).toList(), "the logger, then the entries in key order");
    }

    @Test
    void aMessageEntryIsTheTextOfAMapMessageWithoutFormat(CapturedSignals captured) {
        log.warn(new StringMapMessage().with("message", "card declined").with("order", "A-2"));

        Event e = captured.assertEmitted(Signal.WARN).withMessage("card declined").withField("order", "A-2").event();
        assertNull(e.field("message"), "taken as the text, not repeated as a field");
    }

    @Test
    void aStructuredDataMessageGivesItsTextAndItsEntries(CapturedSignals captured) {
        StructuredDataMessage audit = new StructuredDataMessage("login@18060", "user logged in", "audit",
                Map.of("user", "ann", "method", "password"));
        log.info(audit);

        captured.assertEmitted(Signal.INFO).withMessage("user logged in")
                .withField("user", "ann").withField("method", "password");
    }

    @Test
    void markersThreadContextAndThrowablesAreFields(CapturedSignals captured) {
        ThreadContext.put("request_id", "r-7");
        IllegalStateException boom = new IllegalStateException("boom");
        log.error(MarkerManager.getMarker("AUDIT"), "payment {} failed", "P-1", boom);

        Event e = captured.assertEmitted(Signal.ERROR).withMessage("payment P-1 failed")
                .withField("marker", "AUDIT").withField("request_id", "r-7").withError(IllegalStateException.class).event();
        assertSame(boom, e.field(Field.ERROR_KEY).errorValue(), "the trailing parameter is the throwable, not text");
        log.warn("plain", boom);
        assertSame(boom, captured.assertEmitted(Signal.WARN).event().field(Field.ERROR_KEY).errorValue());
    }

    @Test
    void theFluentApiArrivesTheSameWay(CapturedSignals captured) {
        IllegalStateException boom = new IllegalStateException("boom");
        log.atWarn().withMarker(MarkerManager.getMarker("RETRY")).withThrowable(boom)
                .log(new MapMessage<>().with("message", "retrying").with("attempt", 2));

        Event e = captured.assertEmitted(Signal.WARN).withMessage("retrying").withField("marker", "RETRY")
                .withField("logger", "com.acme.orders.OrderService").event();
        assertEquals(2, e.field("attempt").longValue());
        assertSame(boom, e.field(Field.ERROR_KEY).errorValue());
    }

    @Test
    void threadContextIsSignalsMdcSharedWithSlf4j(CapturedSignals captured) {
        ThreadContext.put("tenant", "acme");
        assertEquals("acme", SignalsMdcAdapter.instance().get("tenant"));
        SignalsMdcAdapter.instance().put("user", "ann");
        assertEquals("ann", ThreadContext.get("user"));
        assertEquals(Map.of("tenant", "acme", "user", "ann"), ThreadContext.getImmutableContext());

        log.info("with context");
        captured.assertEmitted(Signal.INFO).withField("tenant", "acme").withField("user", "ann");

        ThreadContext.remove("tenant");
        assertFalse(ThreadContext.containsKey("tenant"));
        ThreadContext.clearMap();
        assertTrue(ThreadContext.isEmpty());
        assertEquals(Map.of(), SignalsMdcAdapter.instance().current());
    }

    @Test
    @CaptureSignals({"INFO", "WARN", "ERROR"})
    void aLevelNobodyRoutesIsDisabledAndFormatsNothing(CapturedSignals captured) {
        AtomicInteger formatted = new AtomicInteger();
        Object costly = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "costly";
            }
        };
        assertFalse(log.isDebugEnabled());
        assertEquals(org.apache.logging.log4j.Level.INFO, log.getLevel());
        log.debug("not routed {}", costly);
        log.debug(new MapMessage<>().with("costly", costly));

        assertEquals(0, formatted.get());
        assertEquals(List.of(), captured.events());
    }
}
