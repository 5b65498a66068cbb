package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Scope;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.LocationAwareLogger;

/** What an SLF4J call turns into: signal, message, fields. */
@CaptureSignals
class Slf4jBridgeTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.orders.Checkout");

    @Test
    void theProviderIsSignals() {
        assertInstanceOf(SignalsLogger.class, LOG);
        assertInstanceOf(SignalsMdcAdapter.class, MDC.getMDCAdapter());
        assertSame(LOG, LoggerFactory.getLogger("com.example.orders.Checkout"));
    }

    @Test
    void eachLevelEmitsItsSignalWithTheLoggerName(CapturedSignals captured) {
        LOG.trace("t");
        LOG.debug("d");
        LOG.info("i");
        LOG.warn("w");
        LOG.error("e");

        assertEquals(List.of(Signal.TRACE, Signal.DEBUG, Signal.INFO, Signal.WARN, Signal.ERROR),
                captured.events().stream().map(Event::signal).toList());
        for (Event e : captured.events()) {
            assertEquals(List.of(Field.of("logger", "com.example.orders.Checkout")), e.fields());
        }
    }

    @Test
    void messagesAreFormattedTheSlf4jWay(CapturedSignals captured) {
        LOG.info("Order {} has {} items", "o-1", 3);
        LOG.info("{} {} {}", "a", "b", "c");
        LOG.info("literal \\{} and {}", "x");
        LOG.info("no arguments {}");

        assertEquals(List.of("Order o-1 has 3 items", "a b c", "literal {} and x", "no arguments {}"),
                captured.events().stream().map(Event::message).toList());
    }

    @Test
    void aThrowableBecomesTheErrorField(CapturedSignals captured) {
        IOException boom = new IOException("disk full");
        LOG.error("Write failed", boom);
        LOG.warn("Retry {} of {} failed", 2, 3, boom);

        captured.assertEmitted(Signal.ERROR).withMessage("Write failed").withError(IOException.class);
        Event warn = captured.assertEmitted(Signal.WARN).withMessage("Retry 2 of 3 failed").event();
        assertSame(boom, warn.field(Field.ERROR_KEY).errorValue());
    }

    @Test
    void markersBecomeTheMarkerField(CapturedSignals captured) {
        Marker audit = MarkerFactory.getMarker("AUDIT");
        Marker pii = MarkerFactory.getMarker("PII");
        LOG.info(audit, "Refund issued for {}", "o-1");
        LOG.atWarn().addMarker(audit).addMarker(pii).log("Address changed");

        captured.assertEmitted(Signal.INFO).withField("marker", "AUDIT").withMessage("Refund issued for o-1");
        captured.assertEmitted(Signal.WARN).withField("marker", List.of("AUDIT", "PII"));
    }

    @Test
    void keyValuePairsBecomeTypedFields(CapturedSignals captured) {
        IllegalStateException declined = new IllegalStateException("declined");
        LOG.atInfo().addKeyValue("order_id", "o-1").addKeyValue("items", 2).addKeyValue("amount", 12.5)
                .addKeyValue("rush", true).addKeyValue("wait", Duration.ofMillis(250))
                .setMessage("Order {} placed").addArgument("o-1").log();
        LOG.atError().setCause(declined).addKeyValue("order_id", "o-2").log("Payment failed");

        Event placed = captured.assertEmitted(Signal.INFO).withMessage("Order o-1 placed").event();
        assertEquals(List.of(Field.of("logger", "com.example.orders.Checkout"), Field.of("order_id", "o-1"),
                Field.of("items", 2L), Field.of("amount", 12.5), Field.of("rush", true),
                Field.of("wait", Duration.ofMillis(250))), placed.fields());
        assertEquals(Field.Type.LONG, placed.field("items").type());
        Event failed = captured.assertEmitted(Signal.ERROR).withField("order_id", "o-2").event();
        assertSame(declined, failed.field(Field.ERROR_KEY).errorValue());
    }

    @Test
    void mdcEntriesBecomeFieldsAndKeyValuesWinOverThem(CapturedSignals captured) {
        MDC.put("request_id", "r-7");
        MDC.put("tenant", "acme");
        try {
            LOG.info("with context");
            LOG.atInfo().addKeyValue("tenant", "globex").log("overridden");
        } finally {
            MDC.clear();
        }
        LOG.info("after clear");

        Event with = captured.assertEmitted(Signal.INFO).withMessage("with context").event();
        assertEquals(List.of(Field.of("logger", "com.example.orders.Checkout"), Field.of("request_id", "r-7"),
                Field.of("tenant", "acme")), with.fields());
        assertEquals("globex", captured.assertEmitted(Signal.INFO).withMessage("overridden").event().field("tenant").stringValue());
        assertNull(captured.assertEmitted(Signal.INFO).withMessage("after clear").event().field("request_id"));
    }

    @Test
    void theMdcAdapterKeepsSlf4jsContract() throws Exception {
        MDC.put("a", "1");
        MDC.put("b", "2");
        assertEquals(Map.of("a", "1", "b", "2"), MDC.getCopyOfContextMap());
        MDC.remove("a");
        assertEquals("2", MDC.get("b"));
        assertNull(MDC.get("a"));
        MDC.setContextMap(Map.of("c", "3"));
        assertEquals(Map.of("c", "3"), MDC.getCopyOfContextMap());

        String[] seenByChild = new String[1];
        Thread child = new Thread(() -> seenByChild[0] = MDC.get("c"));
        child.start();
        child.join();
        assertNull(seenByChild[0], "entries stay on their thread");

        MDC.pushByKey("stack", "x");
        MDC.pushByKey("stack", "y");
        assertEquals("y", MDC.popByKey("stack"));
        assertEquals(List.of("x"), List.copyOf(MDC.getMDCAdapter().getCopyOfDequeByKey("stack")));
        MDC.getMDCAdapter().clearDequeByKey("stack");
        MDC.clear();
        assertNull(MDC.getCopyOfContextMap());
    }

    @Test
    void scopesAndSpansOfSignalsTravelWithSlf4jEvents(CapturedSignals captured) {
        String spanId;
        try (Scope request = Signals.scope(Field.of("request_id", "r-9"));
             Span span = Signals.span("checkout")) {
            spanId = span.spanId();
            LOG.info("inside");
        }
        Event inside = captured.assertEmitted(Signal.INFO).withField("request_id", "r-9").inSpan("checkout").event();
        assertEquals(spanId, inside.spanId());
    }

    @Test
    void callsWithACallerBoundaryArriveToo(CapturedSignals captured) {
        LocationAwareLogger location = (LocationAwareLogger) LOG;
        location.log(null, "org.example.Facade", LocationAwareLogger.WARN_INT, "Slow call to {}", new Object[] {"db"}, null);
        location.log(MarkerFactory.getMarker("SLOW"), "org.example.Facade", LocationAwareLogger.ERROR_INT, "Gave up",
                null, new IllegalStateException("timeout"));

        captured.assertEmitted(Signal.WARN).withMessage("Slow call to db");
        captured.assertEmitted(Signal.ERROR).withField("marker", "SLOW").withError(IllegalStateException.class);
    }

    @Test
    void aBrokenArgumentNeverReachesTheCaller(CapturedSignals captured) {
        Object broken = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("broken toString");
            }
        };
        LOG.info("value: {}", broken);
        LOG.atInfo().addKeyValue(null, "no key").log("null key");

        captured.assertEmitted(Signal.INFO).withMessageContaining("value: [FAILED toString()]");
        captured.assertEmitted(Signal.INFO).withMessage("null key").times(1);
    }
}
