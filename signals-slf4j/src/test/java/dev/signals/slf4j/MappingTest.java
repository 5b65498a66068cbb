package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Route;
import dev.signals.router.Router;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logger names mapped to signals of their own: in code, from the class path, from a file. */
@CaptureSignals
class MappingTest {

    @AfterEach
    void unmapAll() {
        for (String name : Map.copyOf(Slf4jSignals.mappings()).keySet()) {
            if (!name.equals("dev.signals.slf4j.fromfile")) {
                Slf4jSignals.unmap(name);
            }
        }
    }

    @Test
    void aMappingReachesLoggersMadeBeforeIt(CapturedSignals captured) {
        Logger pool = LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool");
        Logger sibling = LoggerFactory.getLogger("com.zaxxer.hikaricp.Other");
        pool.info("before");

        Slf4jSignals.map("com.zaxxer.hikari", "DB_POOL");
        pool.debug("Pool stats {}", "total=10");
        pool.warn("Connection is not available");
        sibling.info("not mapped");

        captured.assertEmitted(Signal.INFO).withMessage("before");
        captured.assertEmitted(Signal.of("DB_POOL_DEBUG")).withMessage("Pool stats total=10")
                .withField("logger", "com.zaxxer.hikari.pool.HikariPool");
        captured.assertEmitted(Signal.of("DB_POOL_WARN")).withMessage("Connection is not available");
        captured.assertEmitted(Signal.INFO).withMessage("not mapped");
        assertEquals(Severity.WARN, Signal.of("DB_POOL_WARN").severity());

        assertTrue(Slf4jSignals.unmap("com.zaxxer.hikari"));
        assertFalse(Slf4jSignals.unmap("com.zaxxer.hikari"));
        pool.warn("after");
        captured.assertEmitted(Signal.WARN).withMessage("after");
    }

    @Test
    void theNearestMappedAncestorWins() {
        Slf4jSignals.map("org.apache", "APACHE");
        Slf4jSignals.map("org.apache.kafka.clients", "KAFKA_CLIENT");

        assertEquals("KAFKA_CLIENT_INFO", Slf4jSignals.signalFor("org.apache.kafka.clients.producer.KafkaProducer", Severity.INFO).name());
        assertEquals("KAFKA_CLIENT_ERROR", Slf4jSignals.signalFor("org.apache.kafka.clients", Severity.FATAL).name());
        assertEquals("APACHE_TRACE", Slf4jSignals.signalFor("org.apache.kafka.common.Utils", Severity.TRACE).name());
        assertSame(Signal.DEBUG, Slf4jSignals.signalFor("org.apachex.Thing", Severity.DEBUG));
        assertSame(Signal.DEBUG, Slf4jSignals.signalFor(null, Severity.DEBUG));
        assertEquals(Map.of("org.apache", "APACHE", "org.apache.kafka.clients", "KAFKA_CLIENT",
                "dev.signals.slf4j.fromfile", "FROM_FILE"), Slf4jSignals.mappings());
    }

    @Test
    void loggerNamesMadeFromDataDoNotGrowTheCacheWithoutEnd() {
        SignalMapping mapping = SignalMapping.EMPTY.withPrefix("org.apache", "APACHE");
        for (int i = 0; i < 3 * SignalMapping.MAX_CACHED; i++) {
            String expected = i % 2 == 0 ? "APACHE_INFO" : "INFO";
            String name = (i % 2 == 0 ? "org.apache.tenant" : "com.example.tenant") + i;
            assertEquals(expected, mapping.resolve(name).forSeverity(Severity.INFO).name(), name);
        }
        assertEquals(SignalMapping.MAX_CACHED, mapping.cachedNames());
        assertEquals("APACHE_INFO", mapping.resolve("org.apache.beyond.the.cache").forSeverity(Severity.INFO).name());
    }

    @Test
    @CaptureSignals("WARN")
    void levelChecksFollowTheMappedSignals() {
        Logger pool = LoggerFactory.getLogger("com.zaxxer.hikari.HikariDataSource");
        Slf4jSignals.map("com.zaxxer.hikari", "DB_POOL");
        Route route = Router.global().route("DB_POOL_*", e -> { });
        try {
            assertTrue(pool.isDebugEnabled(), "DB_POOL_DEBUG is routed");
            assertFalse(LoggerFactory.getLogger("com.example.Other").isDebugEnabled(), "DEBUG is not");
        } finally {
            route.remove();
        }
        assertFalse(pool.isDebugEnabled());
    }

    @Test
    void badMappingsAreRefusedWhole() {
        IllegalArgumentException badPrefix = assertThrows(IllegalArgumentException.class,
                () -> Slf4jSignals.map("com.example", "NOT VALID"));
        assertTrue(badPrefix.getMessage().startsWith("'NOT VALID' cannot prefix a signal name"), badPrefix.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Slf4jSignals.map(" ", "X"));
        assertThrows(IllegalArgumentException.class, () -> Slf4jSignals.map("com example", "X"));
        assertThrows(IllegalArgumentException.class, () -> Slf4jSignals.map("com.example", "A".repeat(125)));

        Signal.of("CLASHING_WARN", Severity.ERROR);
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> Slf4jSignals.map("com.example", "CLASHING"));
        assertTrue(clash.getMessage().contains("CLASHING_WARN is already declared with severity ERROR"), clash.getMessage());
        assertEquals(null, Signal.lookup("CLASHING_TRACE"), "a refused prefix declares no signal");
        assertEquals(Map.of("dev.signals.slf4j.fromfile", "FROM_FILE"), Slf4jSignals.mappings());
    }

    @Test
    void theClassPathFileIsReadAtStartUp(CapturedSignals captured) {
        assertEquals("FROM_FILE", Slf4jSignals.mappings().get("dev.signals.slf4j.fromfile"));
        LoggerFactory.getLogger("dev.signals.slf4j.fromfile.Job").info("from the file's mapping");
        captured.assertEmitted(Signal.of("FROM_FILE_INFO")).withMessage("from the file's mapping");
    }

    @Test
    void minimumSeveritiesTurnLevelsOffWhateverTheRoutes(CapturedSignals captured) {
        Logger wire = LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
        Logger headers = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
        Slf4jSignals.map("org.apache.hc.client5", "HTTP_CLIENT");
        Slf4jSignals.minSeverity("org.apache.hc.client5.http.wire", Severity.INFO);

        assertFalse(wire.isDebugEnabled(), "below the minimum, though * is routed");
        assertTrue(wire.isInfoEnabled());
        assertTrue(headers.isDebugEnabled());
        wire.debug("bytes");
        wire.atDebug().log("fluent bytes");
        wire.info("connection closed");
        headers.debug(">> GET /");

        captured.assertEmitted(Signal.of("HTTP_CLIENT_DEBUG")).times(1)
                .withField("logger", "org.apache.hc.client5.http.headers").withMessage(">> GET /");
        captured.assertEmitted(Signal.of("HTTP_CLIENT_INFO")).withMessage("connection closed");
        assertEquals(null, Slf4jSignals.signalFor("org.apache.hc.client5.http.wire.Sub", Severity.DEBUG));
        assertEquals("HTTP_CLIENT_WARN", Slf4jSignals.signalFor("org.apache.hc.client5.http.wire", Severity.WARN).name());
        assertEquals("INFO", Slf4jSignals.mappings().get("org.apache.hc.client5.http.wire"));

        Slf4jSignals.minSeverity("org.apache.hc.client5.http.wire", Severity.FATAL);
        assertFalse(wire.isErrorEnabled(), "FATAL turns every level off");
        wire.error("not even this");
        captured.assertNotEmitted(Signal.of("HTTP_CLIENT_ERROR"));
        assertEquals("OFF", Slf4jSignals.mappings().get("org.apache.hc.client5.http.wire"));
    }

    @Test
    void aFileEntryMaySetAPrefixALevelOrBoth() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SignalMapping m = MappingFile.parse(new StringReader(String.join("\n",
                "com.zaxxer.hikari = DB_POOL",
                "org.apache.hc.client5.http.wire = OFF",
                "com.example.chatty = CHATTY WARN",
                "com.example.quiet = ERROR",
                "com.example.two = A B",
                "com.example.levels = INFO WARN",
                "com.example.empty =")), "test.properties", new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Map.of("com.zaxxer.hikari", "DB_POOL", "org.apache.hc.client5.http.wire", "OFF",
                "com.example.chatty", "CHATTY WARN", "com.example.quiet", "ERROR"), text(m));
        assertEquals(null, m.resolve("com.example.chatty.Loop").info());
        assertEquals("CHATTY_WARN", m.resolve("com.example.chatty.Loop").warn().name());
        assertEquals(null, m.resolve("org.apache.hc.client5.http.wire").error());
        assertSame(Signal.ERROR, m.resolve("com.example.quiet.X").error());
        String report = err.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("test.properties: entry 'com.example.two' skipped: expected PREFIX, LEVEL or PREFIX LEVEL, not 'A B'"), report);
        assertTrue(report.contains("entry 'com.example.levels' skipped"), report);
        assertTrue(report.contains("entry 'com.example.empty' skipped"), report);
    }

    private static Map<String, String> text(SignalMapping m) {
        Map<String, String> out = new java.util.HashMap<>();
        m.entries().forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    @Test
    void aFileNamedByTheSystemPropertyWinsAndBadEntriesAreSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mapping.properties");
        Files.writeString(file, "# comment\ncom.acme.billing = BILLING\ncom.acme.bad = NOT!VALID\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SignalMapping m = MappingFile.load(file.toString(), getClass().getClassLoader(),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Map.of("com.acme.billing", "BILLING"), text(m));
        assertEquals("Signals: " + file + ": entry 'com.acme.bad' skipped: 'NOT!VALID' cannot prefix a signal name:"
                + " 'NOT!VALID_TRACE' must be 1 to 128 characters of A-Z a-z 0-9 _ . -\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsReportedAndMapsNothing(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SignalMapping m = MappingFile.load(dir.resolve("absent.properties").toString(), null,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Map.of(), text(m));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Signals: the SLF4J logger mapping "), err.toString());
    }

    @Test
    void theClassPathResourceIsUsedWhenNoPropertyIsSet() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SignalMapping m = MappingFile.load(null, getClass().getClassLoader(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Map.of("dev.signals.slf4j.fromfile", "FROM_FILE"), text(m));
        assertEquals(Map.of("x.y", "XY"), text(MappingFile.parse(new StringReader("x.y=XY"), "test", System.err)));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
