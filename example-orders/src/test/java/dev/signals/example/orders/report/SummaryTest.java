package dev.signals.example.orders.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.router.RouterStats;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @Test
    void namesTheSnapshotFilesWrittenAndTheCommandsThatReadOne() {
        Path dir = Path.of("snapshots");
        Path first = dir.resolve("signals-123-20261123T035900.100Z-payment_failed.jsonl.lz4");
        Path second = dir.resolve("signals-123-20261123T035901.200Z-circuit_breaker_opened.jsonl.lz4");
        String text = new Summary("test").snapshots(List.of(dir), List.of(
                new SnapshotFiles.SnapshotFile(first, 2048, "PAYMENT_FAILED", 1234, 10, "4845c86ea181496bf65a7db761734585"),
                new SnapshotFiles.SnapshotFile(second, 4096, "CIRCUIT_BREAKER_OPENED", 5678, 20, null))).render();
        assertTrue(text.contains("2 written to snapshots/:"), text);
        assertTrue(text.contains(first + " (2.0 KB, 1,234 events)"), text);
        assertTrue(text.contains(second + " (4.0 KB, 5,678 events)"), text);
        assertTrue(text.contains("bin/signals-snapshot cat --pretty " + first), text);
        assertTrue(text.contains("lz4 -dc " + first + " | jq ."), text);
        assertTrue(text.contains("--trace 4845c86ea181496bf65a7db761734585 " + first), text);
    }

    @Test
    void saysWhyThereAreNoSnapshots() {
        String none = new Summary("test").snapshots(List.of(), List.of()).render();
        assertTrue(none.contains("no snapshot sink"), none);
        String quiet = new Summary("test").snapshots(List.of(Path.of("snapshots")), List.of()).render();
        assertTrue(quiet.contains("none written to snapshots/"), quiet);
        assertFalse(quiet.contains("signals-snapshot"), quiet);
    }

    @Test
    void listsTheLogFilesWithTheirSizes(@TempDir Path dir) throws Exception {
        Path business = dir.resolve("business.jsonl");
        Files.write(business, new byte[3072]);
        String text = new Summary("test").logs(List.of(business, dir.resolve("audit.jsonl"))).render();
        assertTrue(text.contains(business + " (3.0 KB)"), text);
        assertTrue(text.contains("audit.jsonl (not written)"), text);
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
