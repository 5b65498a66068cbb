package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signals.Severity;
import dev.signals.router.Router;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real connection pool, HikariCP over an in-memory H2 database, logging through SLF4J: its
 * pool start and stop lines arrive as INFO events with Hikari's logger names, and the config's
 * {@code "loggers"} levels silence them, raise the pool to DEBUG, apply ROOT to everything
 * else, and change with an edit of the config file.
 */
class HikariLoggingTest {

    private static final String HIKARI = "com.zaxxer.hikari";
    private static final String DATA_SOURCE = "com.zaxxer.hikari.HikariDataSource";
    private static final String POOL = "com.zaxxer.hikari.pool.HikariPool";

    private final LibraryLogs logs = new LibraryLogs();

    @AfterEach
    void backToTheTestConfig() {
        logs.close();
        Router.global().configure("{}", "test");
    }

    /** Starts a pool, runs one query on it, and shuts it down. */
    private static void usePool(String name) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name);
        config.setPoolName(name);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection c = pool.getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT 41 + 1")) {
            assertTrue(r.next());
            assertEquals(42, r.getInt(1));
        }
    }

    @Test
    void thePoolsOwnLinesArriveWithItsLoggerNames() throws SQLException {
        usePool("plain");

        logs.await(DATA_SOURCE, "pool start", e -> e.signal().severity() == Severity.INFO
                && e.message().equals("plain - Starting..."));
        logs.await(DATA_SOURCE, "pool started", e -> e.message().equals("plain - Start completed."));
        logs.await(POOL, "connection added", e -> e.message().startsWith("plain - Added connection"));
        logs.await(DATA_SOURCE, "pool stopped", e -> e.message().equals("plain - Shutdown completed."));
        assertFalse(logs.from(HIKARI, Severity.DEBUG).isEmpty(), "no levels: every level is routed, so DEBUG arrives");
    }

    @Test
    void warnForHikariSilencesItsInfoLines() throws SQLException {
        Router.global().configure("{\"loggers\": {\"com.zaxxer.hikari\": \"WARN\"}}", "levels.json");
        assertFalse(LoggerFactory.getLogger(DATA_SOURCE).isInfoEnabled());

        usePool("quiet");

        assertEquals(List.of(), logs.from(HIKARI), "nothing below WARN from Hikari");
    }

    @Test
    void rootLowersEverythingAndTheLongerNameRaisesThePool() throws SQLException {
        Router.global().configure("{\"loggers\": {\"ROOT\": \"WARN\", \"com.zaxxer.hikari.pool\": \"DEBUG\"}}",
                "levels.json");

        usePool("raised");

        assertEquals(List.of(), logs.from(DATA_SOURCE), "ROOT WARN covers the data source's INFO");
        logs.await(POOL, "the pool, raised to DEBUG", e -> e.signal().severity() == Severity.DEBUG
                && e.message().startsWith("raised - Before shutdown stats"));
        logs.await(POOL, "and its INFO", e -> e.signal().severity() == Severity.INFO
                && e.message().startsWith("raised - Added connection"));
        assertEquals(List.of(), logs.from(POOL, Severity.TRACE));
    }

    @Test
    void anEditOfTheConfigFileChangesHikarisLevel(@TempDir Path dir) throws IOException, SQLException {
        Path file = dir.resolve("signals.json");
        LibraryLogs.watch(file, "\"com.zaxxer.hikari\": \"WARN\"");
        usePool("before");
        assertEquals(List.of(), logs.from(HIKARI));

        LibraryLogs.edit(file, "\"com.zaxxer.hikari\": \"INFO\"", () -> LoggerFactory.getLogger(DATA_SOURCE).isInfoEnabled());
        usePool("after");

        logs.await(DATA_SOURCE, "INFO again after the edit", e -> e.message().equals("after - Starting..."));
        assertEquals(List.of(), logs.from(HIKARI, Severity.DEBUG), "still not DEBUG");
    }
}
