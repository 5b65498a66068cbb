package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config's {@code "loggers"} levels, as Logback's {@code <logger>} and {@code <root>}: the
 * longest name wins, raising and lowering, ROOT for the rest, for SLF4J, java.util.logging and
 * System.Logger alike, and a reload reaches loggers made before it. Every signal is routed (the
 * capture), so what is off is off because of the levels alone.
 */
@CaptureSignals
class LoggerLevelsTest {

    private static final String LEVELS = "{\"loggers\": {\"ROOT\": \"WARN\", \"com.zaxxer.hikari\": \"DEBUG\","
            + " \"org.apache.hc.client5.http.wire\": \"OFF\", \"org.h2\": \"trace\"}}";

    @AfterEach
    void backToTheTestConfig() {
        Router.global().configure("{}", "test");
        Slf4jSignals.unmap("com.zaxxer.hikari.pool");
    }

    @Test
    void theLongestNameWinsRaisingAndLoweringAndRootCoversTheRest(CapturedSignals captured) {
        Logger app = LoggerFactory.getLogger("com.example.OrderService");
        Logger pool = LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool");
        Logger sibling = LoggerFactory.getLogger("com.zaxxer.hikaricp.Other");
        Logger wire = LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
        Logger h2 = LoggerFactory.getLogger("org.h2.jdbc");
        assertTrue(app.isDebugEnabled(), "made before the config: everything routed, no levels yet");

        Router.global().configure(LEVELS, "levels.json");

        assertFalse(app.isInfoEnabled(), "ROOT WARN lowers the rest");
        assertTrue(app.isWarnEnabled());
        assertTrue(pool.isDebugEnabled(), "a library raised above ROOT");
        assertFalse(pool.isTraceEnabled());
        assertFalse(sibling.isInfoEnabled(), "com.zaxxer.hikaricp is not below com.zaxxer.hikari");
        assertFalse(wire.isErrorEnabled(), "OFF");
        assertTrue(h2.isTraceEnabled(), "levels in any case");

        app.info("dropped at the source");
        app.warn("kept");
        pool.debug("pool stats");
        wire.error("never");
        assertEquals(1, captured.events(Signal.WARN).size());
        assertEquals(1, captured.events(Signal.DEBUG).size());
        assertEquals(0, captured.events(Signal.INFO).size());
        assertEquals(0, captured.events(Signal.ERROR).size());
    }

    @Test
    void julAndSystemLoggerFollowTheSameLevels(CapturedSignals captured) {
        Router.global().configure(LEVELS, "levels.json");
        System.Logger jdk = System.getLogger("com.example.jdk");
        System.Logger pool = System.getLogger("com.zaxxer.hikari.jdk");
        assertFalse(jdk.isLoggable(System.Logger.Level.INFO));
        assertTrue(jdk.isLoggable(System.Logger.Level.WARNING));
        assertTrue(pool.isLoggable(System.Logger.Level.DEBUG));

        SignalsJulHandler handler = new SignalsJulHandler();
        handler.publish(record(Level.INFO, "com.example.jul"));
        handler.publish(record(Level.WARNING, "com.example.jul"));
        handler.publish(record(Level.FINE, "com.zaxxer.hikari.jul"));
        handler.publish(record(Level.FINEST, "com.zaxxer.hikari.jul"));
        assertEquals(0, captured.events(Signal.INFO).size(), "below ROOT WARN");
        assertEquals(1, captured.events(Signal.WARN).size());
        assertEquals(1, captured.events(Signal.DEBUG).size(), "FINE is DEBUG, raised for the library");
        assertEquals(0, captured.events(Signal.TRACE).size());
    }

    private static LogRecord record(Level level, String logger) {
        LogRecord r = new LogRecord(level, "m");
        r.setLoggerName(logger);
        return r;
    }

    @Test
    void aReloadReachesLoggersMadeBeforeIt() {
        Logger app = LoggerFactory.getLogger("com.example.Reloaded");
        Router.global().configure(LEVELS, "levels.json");
        assertFalse(app.isInfoEnabled());
        Router.global().configure("{\"loggers\": {\"com.example\": \"DEBUG\"}}", "levels.json");
        assertTrue(app.isDebugEnabled(), "raised by the new file");
        assertFalse(app.isTraceEnabled());
        Router.global().configure("{}", "levels.json");
        assertTrue(app.isTraceEnabled(), "no levels: the routes alone decide again");
    }

    @Test
    void aMinimumSetInCodeForTheNameOrAnAncestorComesFirst() {
        Router.global().configure(LEVELS, "levels.json");
        Slf4jSignals.minSeverity("com.zaxxer.hikari.pool", Severity.ERROR);
        assertFalse(LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool").isWarnEnabled());
        assertTrue(LoggerFactory.getLogger("com.zaxxer.hikari.HikariDataSource").isDebugEnabled(), "the config's, beside it");
    }

    @Test
    void theBuiltInDefaultKeepsLibrariesAtInfoAndTheApplicationsSignalsAtEverySeverity(CapturedSignals captured)
            throws IOException {
        String builtIn;
        try (InputStream in = Router.class.getResourceAsStream("/dev/signals/router/default-signals.json")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Router.global().configure(builtIn, "<default>");
        Logger library = LoggerFactory.getLogger("org.eclipse.jetty.server.Server");
        assertFalse(library.isDebugEnabled(), "a library's DEBUG is off at the source");
        assertTrue(library.isInfoEnabled());
        assertNull(Slf4jSignals.signalFor("org.eclipse.jetty.server.Server", Severity.TRACE));

        Signals.debug("the application's own DEBUG");
        assertEquals(1, captured.events(Signal.DEBUG).size(), "is no logger: it still reaches every route");
    }
}
