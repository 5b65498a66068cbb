package dev.signals.sinks.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong snapshot sink definition is refused whole, with the file, line and key at fault. */
class SnapshotConfigTest {

    @TempDir
    Path dir;

    private final Router router = new Router();

    @AfterEach
    void close() {
        router.close();
    }

    private String config(String snapshotOptions) {
        return "{\n \"sinks\": {\n"
                + "  \"timeline\": {\"type\": \"time-travel\"},\n"
                + "  \"console\": {\"type\": \"console-json\"},\n"
                + "  \"snapshots\": {\"type\": \"snapshot\"" + (snapshotOptions.isEmpty() ? "" : ", " + snapshotOptions) + "}\n"
                + " }\n}\n";
    }

    private ConfigException refused(String snapshotOptions, String path, String words) {
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(config(snapshotOptions), "app.json"),
                snapshotOptions);
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertTrue(e.getMessage().startsWith("app.json:"), e.getMessage());
        return e;
    }

    @Test
    void badKeysAndValuesAreRefusedWithTheirPath() throws Exception {
        String buffer = "\"buffer\": \"timeline\", \"directory\": " + SnapshotSinkTest.quoted(dir) + ", ";
        refused("", "sinks.snapshots.buffer", "required key 'buffer'");
        refused("\"buffer\": \"nowhere\"", "sinks.snapshots.buffer", "no sink named 'nowhere'");
        refused("\"buffer\": \"console\"", "sinks.snapshots.buffer", "not of type 'time-travel'");
        refused("\"buffer\": 7", "sinks.snapshots.buffer", "expected the name of a sink");
        refused(buffer + "\"triggers\": \"ERROR\"", "sinks.snapshots.triggers", "expected an array");
        refused(buffer + "\"triggers\": [\"PAYMENT FAILED\"]", "sinks.snapshots.triggers", "invalid route pattern");
        refused(buffer + "\"triggers\": [42]", "sinks.snapshots.triggers[0]", "expected a string");
        refused(buffer + "\"triggerSeverity\": \"LOUD\"", "sinks.snapshots.triggerSeverity", "unknown severity");
        refused(buffer + "\"minSeverity\": \"LOUD\"", "sinks.snapshots.minSeverity", "unknown severity");
        refused(buffer + "\"cooldownMs\": -1", "sinks.snapshots.cooldownMs", "out of range");
        refused(buffer + "\"maxFiles\": 0", "sinks.snapshots.maxFiles", "out of range");
        refused(buffer + "\"maxBytes\": 0", "sinks.snapshots.maxBytes", "out of range");
        refused(buffer + "\"maxSnapshotsPerMinute\": 0", "sinks.snapshots.maxSnapshotsPerMinute", "out of range");
        refused(buffer + "\"maxSnapshotsPerMinute\": -5", "sinks.snapshots.maxSnapshotsPerMinute", "out of range");
        refused(buffer + "\"maxSnapshotsPerMinute\": \"ten\"", "sinks.snapshots.maxSnapshotsPerMinute", "");
        refused(buffer + "\"maxBytesPerMinute\": 0", "sinks.snapshots.maxBytesPerMinute", "out of range");
        refused(buffer + "\"intervalMs\": 10", "sinks.snapshots.intervalMs", "at least 1000 ms");
        refused(buffer + "\"onShutdown\": \"yes\"", "sinks.snapshots.onShutdown", "true or false");
        refused(buffer + "\"onUncaughtException\": 1", "sinks.snapshots.onUncaughtException", "true or false");
        refused(buffer + "\"service\": 5", "sinks.snapshots.service", "expected a string");
        refused(buffer + "\"async\": {\"queue\": 16}", "sinks.snapshots.async", "synchronous");
        refused(buffer + "\"trigers\": [\"ERROR\"]", "sinks.snapshots.trigers", "unknown key 'trigers'");
        refused(buffer + "\"cooldown\": 5", "sinks.snapshots.cooldown", "unknown key 'cooldown'");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        refused("\"buffer\": \"timeline\", \"directory\": " + SnapshotSinkTest.quoted(file), "sinks.snapshots.directory",
                "not a directory");
    }

    @Test
    void aRefusedConfigLeavesNoHandlerBehind() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        refused("\"buffer\": \"timeline\", \"directory\": " + SnapshotSinkTest.quoted(dir)
                + ", \"onUncaughtException\": true, \"colour\": \"red\"", "sinks.snapshots.colour", "unknown key");
        assertSame(before, Thread.getDefaultUncaughtExceptionHandler());
    }

    @Test
    void everyKeyWithItsDefaultIsAccepted() {
        router.configure(config("\"buffer\": \"timeline\", \"directory\": " + SnapshotSinkTest.quoted(dir)
                + ", \"triggers\": [\"ERROR\", \"FATAL\", \"CIRCUIT_BREAKER_OPENED\", \"PAYMENT_*\", \"*\"],"
                + " \"triggerSeverity\": \"ERROR\", \"minSeverity\": \"TRACE\", \"cooldownMs\": 60000,"
                + " \"maxFiles\": 50, \"maxBytes\": 268435456, \"onUncaughtException\": false, \"onShutdown\": false,"
                + " \"intervalMs\": 0, \"service\": \"orders\", \"maxSnapshotsPerMinute\": 10,"
                + " \"maxBytesPerMinute\": 134217728"), "app.json");
        assertTrue(router.stats().sinks().containsKey("snapshots"));
    }
}
