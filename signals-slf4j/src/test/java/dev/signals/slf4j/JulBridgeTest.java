package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** java.util.logging records through {@link SignalsJulHandler}. */
@CaptureSignals
class JulBridgeTest {

    private static final Logger JUL = Logger.getLogger("com.example.legacy.Billing");

    private Handler[] before;

    @BeforeEach
    void install() {
        before = LogManager.getLogManager().getLogger("").getHandlers();
        SignalsJulHandler.install();
    }

    @AfterEach
    void uninstall() {
        SignalsJulHandler.uninstall();
        Slf4jSignals.unmap("com.example.legacy");
    }

    /** An argument that counts how often it is turned into text. */
    static final class Counted {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String toString() {
            calls.incrementAndGet();
            return "counted";
        }
    }

    @Test
    void installReplacesTheRootHandlersAndUninstallPutsThemBack() {
        Logger root = LogManager.getLogManager().getLogger("");
        Handler[] installed = root.getHandlers();
        assertEquals(1, installed.length);
        assertSame(installed[0], SignalsJulHandler.install(), "installing twice keeps one handler");
        assertEquals(Level.ALL, root.getLevel());

        assertTrue(SignalsJulHandler.uninstall());
        assertArrayEquals(before, root.getHandlers());
        assertFalse(SignalsJulHandler.uninstall());
        SignalsJulHandler.install();
    }

    @Test
    void julLevelsBecomeSignals(CapturedSignals captured) {
        JUL.finest("finest");
        JUL.finer("finer");
        JUL.fine("fine");
        JUL.config("config");
        JUL.info("info");
        JUL.warning("warning");
        JUL.severe("severe");

        assertEquals(List.of(Signal.TRACE, Signal.TRACE, Signal.DEBUG, Signal.DEBUG, Signal.INFO, Signal.WARN, Signal.ERROR),
                captured.events().stream().map(Event::signal).toList());
        captured.assertEmitted(Signal.INFO).withMessage("info").withField("logger", "com.example.legacy.Billing");
    }

    @Test
    void parametersMdcAndThrownComeAlong(CapturedSignals captured) {
        MDC.put("request_id", "r-3");
        try {
            JUL.log(Level.INFO, "Invoice {0} for {1}", new Object[] {"i-7", "acme"});
            JUL.log(Level.SEVERE, "Posting failed", new IllegalStateException("ledger locked"));
        } finally {
            MDC.clear();
        }
        captured.assertEmitted(Signal.INFO).withMessage("Invoice i-7 for acme").withField("request_id", "r-3");
        captured.assertEmitted(Signal.ERROR).withMessage("Posting failed").withError(IllegalStateException.class)
                .withField(Field.of("logger", "com.example.legacy.Billing"));
    }

    @Test
    void theMappingAppliesToJulLoggersToo(CapturedSignals captured) {
        Slf4jSignals.map("com.example.legacy", "LEGACY");
        JUL.warning("mapped");
        captured.assertEmitted(Signal.of("LEGACY_WARN")).withMessage("mapped");
    }

    @Test
    @CaptureSignals("WARN")
    void anUnroutedRecordIsNeverFormatted(CapturedSignals captured) {
        Counted arg = new Counted();
        JUL.log(Level.FINE, "value {0}", arg);
        JUL.log(Level.INFO, "value {0}", arg);
        assertEquals(0, arg.calls.get());
        JUL.log(Level.WARNING, "value {0}", arg);
        assertEquals(1, arg.calls.get());
        captured.assertEmitted(Signal.WARN).withMessage("value counted").times(1);
    }

    @Test
    void severitiesFollowTheLevelNumbers() {
        assertEquals(Severity.ERROR, SignalsJulHandler.severityOf(Level.SEVERE));
        assertEquals(Severity.WARN, SignalsJulHandler.severityOf(Level.WARNING));
        assertEquals(Severity.INFO, SignalsJulHandler.severityOf(Level.INFO));
        assertEquals(Severity.DEBUG, SignalsJulHandler.severityOf(Level.CONFIG));
        assertEquals(Severity.DEBUG, SignalsJulHandler.severityOf(Level.FINE));
        assertEquals(Severity.TRACE, SignalsJulHandler.severityOf(Level.FINER));
        assertEquals(Severity.TRACE, SignalsJulHandler.severityOf(Level.ALL));
        assertEquals(Severity.WARN, SignalsJulHandler.severityOf(Level.parse("950")));
    }
}
