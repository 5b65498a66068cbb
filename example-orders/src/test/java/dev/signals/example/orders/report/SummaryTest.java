package dev.signals.example.orders.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.router.RouterStats;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @Test
    void namesTheSnapshotFilesFoundAndTheCommandThatReadsOne(@TempDir Path dir) throws Exception {
        Path snapshots = dir.resolve("snapshots");
        Files.createDirectories(snapshots);
        Path file = snapshots.resolve("signals-123-20261123T035900Z-CIRCUIT_BREAKER_OPENED.jsonl.lz4");
        Files.write(file, new byte[2048]);
        String text = new Summary("test").snapshots(snapshots).render();
        assertTrue(text.contains("bin/signals-snapshot cat " + file + " --pretty"), text);
        assertTrue(text.contains("2.0 KB"), text);
    }

    @Test
    void saysSoWhenThereAreNoSnapshots(@TempDir Path dir) {
        String text = new Summary("test").snapshots(dir.resolve("nothing-here")).render();
        assertTrue(text.contains("does not exist"), text);
        assertTrue(!text.contains("signals-snapshot"), text);
    }

    @Test
    void listsEverySinkWithItsDropsByReason() {
        RouterStats stats = new RouterStats(Map.of("console", new SinkStats("console", 10, 7, 0,
                Map.of(DropReason.OVERFLOW, 3L), 0, 0, "NONE")));
        String text = new Summary("test").sinks(stats).render();
        assertTrue(text.contains("console"), text);
        assertTrue(text.contains("dropped: OVERFLOW 3"), text);
    }
}
