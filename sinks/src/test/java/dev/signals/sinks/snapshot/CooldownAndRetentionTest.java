package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storm control: one snapshot per reason per cool-down, and retention by count and bytes. */
class CooldownAndRetentionTest {

    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    private static final Signal DB_DOWN = Signal.of("DB_DOWN", Severity.ERROR);

    @TempDir
    Path dir;

    private static TimeTravelSink bufferWith(int events) {
        TimeTravelSink buffer = new TimeTravelSink(1_000);
        for (int i = 0; i < events; i++) {
            buffer.accept(Event.builder(Signal.INFO).message("event " + i).build());
        }
        return buffer;
    }

    @Test
    void anErrorStormMakesOneSnapshotPerReasonPerCooldown() {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        SnapshotSink sink = new SnapshotSink(bufferWith(10), SnapshotOptions.builder(dir)
                .triggers("PAYMENT_FAILED", "DB_DOWN")
                .cooldown(Duration.ofSeconds(60))
                .nanoTime(clock::get)
                .build());
        try {
            for (int i = 0; i < 100; i++) {
                sink.accept(Event.builder(PAYMENT_FAILED).message("declined").build());
            }
            sink.accept(Event.builder(DB_DOWN).build()); // another reason has its own cool-down
            assertFalse(sink.snapshot("payment_failed"), "a request with the same (sanitised) reason cools down too");
            sink.flush();
            assertEquals(2, snapshots(dir).size());
            assertEquals(100, sink.stats().coolingDown());

            clock.addAndGet(Duration.ofSeconds(59).toNanos());
            sink.accept(Event.builder(PAYMENT_FAILED).build());
            sink.flush();
            assertEquals(2, snapshots(dir).size(), "59 s later: still cooling down");

            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            sink.accept(Event.builder(PAYMENT_FAILED).build());
            sink.flush();
            assertEquals(3, snapshots(dir).size(), "60 s later: one more");
            assertEquals(3, sink.stats().written());
            assertEquals(Map.of("db_down", 1L, "payment_failed", 2L), sink.stats().writtenByReason(), "written, by reason");
        } finally {
            sink.close();
        }
    }

    @Test
    void retentionKeepsTheNewestFilesUpToTheCount() throws Exception {
        // Snapshots left by an earlier run of the service (another pid) count too; other files are not touched.
        Path old = Files.writeString(dir.resolve("signals-1-20200101T000000.000Z-error.jsonl.lz4"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path unrelatedLz4 = Files.writeString(dir.resolve("backup.jsonl.lz4"), "keep me too");

        SnapshotSink sink = new SnapshotSink(bufferWith(5), SnapshotOptions.builder(dir)
                .cooldown(Duration.ZERO).maxFiles(3).build());
        try {
            for (int i = 0; i < 6; i++) {
                assertTrue(sink.snapshot("r" + i));
                sink.flush();
            }
        } finally {
            sink.close();
        }
        List<String> names = snapshots(dir).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        assertEquals(4, names.size(), names.toString()); // three snapshots plus backup.jsonl.lz4, not ours
        assertTrue(names.contains("backup.jsonl.lz4"));
        for (String kept : List.of("-r3.", "-r4.", "-r5.")) {
            assertTrue(names.stream().anyMatch(n -> n.contains(kept)), kept + " in " + names);
        }
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(unrelated) && Files.exists(unrelatedLz4));
        assertEquals(4, sink.stats().deleted());
    }

    @Test
    void retentionKeepsTheTotalUnderTheByteLimitButNeverTheNewestFile() throws Exception {
        SnapshotSink probe = new SnapshotSink(bufferWith(500), SnapshotOptions.builder(dir.resolve("probe")).build());
        probe.snapshot("size");
        probe.close();
        long size = Files.size(snapshots(dir.resolve("probe")).get(0));

        Path out = dir.resolve("out");
        long limit = size * 5 / 2; // room for two files, not three
        SnapshotSink sink = new SnapshotSink(bufferWith(500), SnapshotOptions.builder(out)
                .cooldown(Duration.ZERO).maxBytes(limit).build());
        try {
            for (int i = 0; i < 5; i++) {
                sink.snapshot("s" + i);
                sink.flush();
                long total = 0;
                for (Path p : snapshots(out)) {
                    total += Files.size(p);
                }
                assertTrue(total <= limit, "total " + total + " within " + limit);
            }
            assertEquals(2, snapshots(out).size());
            assertTrue(snapshots(out).stream().anyMatch(p -> p.toString().contains("-s4.")));
        } finally {
            sink.close();
        }

        Path tiny = dir.resolve("tiny");
        SnapshotSink oneByte = new SnapshotSink(bufferWith(500), SnapshotOptions.builder(tiny)
                .cooldown(Duration.ZERO).maxBytes(1).build());
        try {
            oneByte.snapshot("a");
            oneByte.flush();
            oneByte.snapshot("b");
            oneByte.flush();
        } finally {
            oneByte.close();
        }
        List<Path> left = snapshots(tiny);
        assertEquals(1, left.size(), "only the newest, even though it alone exceeds the limit");
        assertTrue(left.get(0).toString().endsWith("-b.jsonl.lz4"));
    }

    @Test
    void staleTemporaryFilesOfADeadWriterAreRemovedFreshOnesAreNot() throws Exception {
        Path stale = Files.writeString(dir.resolve(".signals-9-20200101T000000.000Z-x.jsonl.lz4.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(dir.resolve(".signals-9-20200101T000000.000Z-y.jsonl.lz4.tmp"), "being written");
        SnapshotSink sink = new SnapshotSink(bufferWith(1), SnapshotOptions.builder(dir).build());
        sink.snapshot("now");
        sink.close();
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
    }
}
