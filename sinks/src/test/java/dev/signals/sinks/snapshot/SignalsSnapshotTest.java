package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.router.Router;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Signals.snapshot(reason)} through the global router (this class runs in a JVM of its own). */
class SignalsSnapshotTest {

    @Test
    void signalsSnapshotWritesTheBufferOfTheGlobalRouter(@TempDir Path dir) {
        Router.global().configure(SnapshotSinkTest.config(dir, ""), "global.json");
        Signals.debug("cache warmed", Field.of("entries", 12));
        Signals.info("ready");
        assertEquals(1, Signals.snapshot("operator asked"));
        Router.global().flush();
        List<Path> files = snapshots(dir);
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().endsWith("-operator_asked.jsonl.lz4"));
        List<Map<String, Object>> lines = lines(files.get(0));
        assertTrue(lines.stream().anyMatch(l -> "cache warmed".equals(l.get("message")) && "DEBUG".equals(l.get("severity"))));
        assertTrue(lines.stream().anyMatch(l -> "ready".equals(l.get("message"))));
        assertEquals(0, Signals.snapshot("operator asked"), "cooling down");
    }
}
