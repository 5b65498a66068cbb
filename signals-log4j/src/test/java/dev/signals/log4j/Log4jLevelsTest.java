package dev.signals.log4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.slf4j.Slf4jSignals;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The config's {@code "loggers"} levels and the logger-name mapping of signals-slf4j hold for
 * the Log4j API as for SLF4J: the longest name wins, raising and lowering, ROOT covers the
 * rest, OFF silences even FATAL, and a new config reaches loggers made before it. Every signal
 * is routed (the capture), so what is off is off because of the levels alone.
 */
@CaptureSignals
class Log4jLevelsTest {

    @AfterEach
    void backToTheTestConfig() {
        Router.global().configure("{}", "test");
        Slf4jSignals.unmap("com.acme.legacy");
    }

    @Test
    void theLongestNameWinsRaisingAndLoweringAndRootCoversTheRest(CapturedSignals captured) {
        Logger app = LogManager.getLogger("com.acme.app.Main");
        Logger pool = LogManager.getLogger("com.acme.db.Pool");
        Logger noisy = LogManager.getLogger("org.noisy.Client");
        assertTrue(app.isTraceEnabled(), "no levels yet: every level routed");

        Router.global().configure("{\"loggers\": {\"ROOT\": \"WARN\", \"com.acme.db\": \"DEBUG\", \"org.noisy\": \"OFF\"}}",
                "levels.json");

        assertFalse(app.isInfoEnabled(), "ROOT WARN lowers the rest");
        assertEquals(Level.WARN, app.getLevel());
        assertTrue(pool.isDebugEnabled(), "raised above ROOT");
        assertFalse(pool.isTraceEnabled());
        assertFalse(noisy.isEnabled(Level.FATAL), "OFF silences FATAL too");
        assertEquals(Level.OFF, noisy.getLevel());

        app.info("dropped at the source");
        app.warn("kept");
        pool.debug("pool stats");
        noisy.fatal("never");
        assertEquals(1, captured.events(Signal.WARN).size());
        assertEquals(1, captured.events(Signal.DEBUG).size());
        assertEquals(0, captured.events(Signal.INFO).size());
        assertEquals(0, captured.events(Signal.ERROR).size());
    }

    @Test
    void aNewConfigReachesLoggersMadeBeforeIt() {
        Logger app = LogManager.getLogger("com.acme.Reloaded");
        Router.global().configure("{\"loggers\": {\"ROOT\": \"ERROR\"}}", "levels.json");
        assertFalse(app.isWarnEnabled());
        Router.global().configure("{\"loggers\": {\"com.acme\": \"DEBUG\"}}", "levels.json");
        assertTrue(app.isDebugEnabled(), "raised by the new config");
        assertFalse(app.isTraceEnabled());
        Router.global().configure("{}", "levels.json");
        assertTrue(app.isTraceEnabled(), "no levels: the routes alone decide again");
    }

    @Test
    void aMappedLoggerNameEmitsItsOwnSignals(CapturedSignals captured) {
        Slf4jSignals.map("com.acme.legacy", "LEGACY");
        LogManager.getLogger("com.acme.legacy.Billing").info("invoice sent");

        captured.assertEmitted(Signal.of("LEGACY_INFO")).withMessage("invoice sent")
                .withField("logger", "com.acme.legacy.Billing");
        assertEquals(0, captured.events(Signal.INFO).size());
    }

    @Test
    void aCustomLevelTakesTheStandardLevelItFallsIn(CapturedSignals captured) {
        Level notice = Level.forName("NOTICE", 350);
        Logger log = LogManager.getLogger("com.acme.Custom");
        log.log(notice, "between WARN and INFO");

        captured.assertEmitted(Signal.INFO).withMessage("between WARN and INFO");
    }
}
