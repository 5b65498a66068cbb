package dev.signals.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool with no broker to send to: what a full spool drops, what a restart finds, what a
 * damaged file keeps.
 */
class SpoolTest {

    /** Nothing listens on port 1: the producer never connects. */
    static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path dir;

    private KafkaSink sink(long maxBytes, SpoolFull whenFull) throws IOException {
        return KafkaSink.builder(NO_BROKER, "t").spoolDirectory(dir).maxBytes(maxBytes).whenFull(whenFull)
                .closeDrain(Duration.ZERO).build();
    }

    /** The n of every record left in the spool directory, in order, read as a restart would. */
    private List<Long> spooled(Figures figures) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Spool spool = Spool.open(dir, Long.MAX_VALUE, SpoolFull.DROP_NEWEST, figures);
             Spool.Cursor cursor = new Spool.Cursor()) {
            List<SpoolRecord> batch;
            while (!(batch = spool.read(cursor, 1)).isEmpty()) {
                for (SpoolRecord r : batch) {
                    String json = new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
                    out.add(Long.parseLong(json.replaceAll(".*\"n\":(\\d+).*\\s*", "$1")));
                }
            }
        }
        return out;
    }

    @Test
    void aFullSpoolUnderDropNewestTurnsNewEventsAwayCounted() throws Exception {
        int count = 5_000;
        try (KafkaSink sink = sink(128 * 1024, SpoolFull.DROP_NEWEST)) {
            for (int i = 0; i < count; i++) {
                sink.accept(TestEvents.numbered(i, 7));
            }
            KafkaSinkStats stats = sink.stats();
            assertTrue(stats.dropped(KafkaDropReason.SPOOL_FULL) > 0, "some events found the spool full");
            assertEquals(count, stats.spooled() + stats.dropped(KafkaDropReason.SPOOL_FULL), "every event counted");
            assertTrue(stats.spoolBytes() <= 128 * 1024, "the spool holds at most maxBytes: " + stats.spoolBytes());
        }
        List<Long> kept = spooled(new Figures());
        assertEquals(0L, kept.get(0), "the oldest events are kept");
        for (int i = 0; i < kept.size(); i++) {
            assertEquals((long) i, kept.get(i));
        }
    }

    @Test
    void aFullSpoolUnderDropOldestMakesRoomForNewEventsCounted() throws Exception {
        int count = 5_000;
        long spooled;
        long dropped;
        try (KafkaSink sink = sink(128 * 1024, SpoolFull.DROP_OLDEST)) {
            for (int i = 0; i < count; i++) {
                sink.accept(TestEvents.numbered(i, 7));
            }
            KafkaSinkStats stats = sink.stats();
            spooled = stats.spooled();
            dropped = stats.dropped(KafkaDropReason.SPOOL_FULL);
            assertEquals(count, spooled, "every event goes in");
            assertTrue(dropped > 0, "older events made room");
            assertTrue(stats.spoolBytes() <= 128 * 1024, "the spool holds at most maxBytes: " + stats.spoolBytes());
            assertEquals(count - dropped, stats.spoolRecords(), "what was not dropped waits in the spool");
        }
        List<Long> kept = spooled(new Figures());
        assertEquals(count - dropped, kept.size());
        assertEquals((long) count - 1, kept.get(kept.size() - 1), "the newest event is kept");
        assertEquals(dropped, kept.get(0), "exactly the oldest were dropped");
    }

    @Test
    void aRestartFindsWhatWasNotAcknowledgedAndKeepsNumbering() throws Exception {
        try (KafkaSink sink = sink(KafkaSink.DEFAULT_MAX_BYTES, SpoolFull.DROP_OLDEST)) {
            for (int i = 0; i < 300; i++) {
                sink.accept(TestEvents.numbered(i, 7));
            }
        }
        Figures figures = new Figures();
        try (Spool spool = Spool.open(dir, Long.MAX_VALUE, SpoolFull.DROP_NEWEST, figures)) {
            assertEquals(300, figures.replayed.get());
            assertEquals(300, spool.unacknowledged());
            spool.append(new byte[] {'X'}, 2, null, new byte[] {'{', '}'}, 2);
            try (Spool.Cursor cursor = new Spool.Cursor()) {
                List<SpoolRecord> all = new ArrayList<>();
                List<SpoolRecord> batch;
                while (!(batch = spool.read(cursor, 1)).isEmpty()) {
                    all.addAll(batch);
                }
                assertEquals(301, all.size());
                assertEquals(300, all.get(300).offset(), "a new record continues the numbering: its event_id is new");
            }
        }
        Figures again = new Figures();
        Spool.open(dir, Long.MAX_VALUE, SpoolFull.DROP_NEWEST, again).close();
        assertEquals(301, again.replayed.get(), "the record appended after the restart is kept too");
    }

    @Test
    void aDamagedSpoolFileIsReadUpToTheDamageAndTheRestCounted() throws Exception {
        try (KafkaSink sink = sink(KafkaSink.DEFAULT_MAX_BYTES, SpoolFull.DROP_OLDEST)) {
            for (int i = 0; i < 1_000; i++) {
                sink.accept(TestEvents.numbered(i, 7));
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".spool")).findFirst().orElseThrow();
        }
        long size = Files.size(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(size / 2);
            f.write(new byte[] {0x55, 0x55, 0x55, 0x55});
        }
        Figures figures = new Figures();
        List<Long> kept = spooled(figures);
        assertTrue(kept.size() > 400 && kept.size() < 600, "the records before the damage are kept: " + kept.size());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals((long) i, kept.get(i));
        }
        assertEquals(kept.size(), figures.replayed.get());
        assertTrue(figures.damagedBytes.get() > size / 3, "the bytes after the damage are counted: " + figures.damagedBytes);
    }

    @Test
    void aSpoolLockedByAnotherOwnerIsRefused() throws Exception {
        try (Spool first = Spool.open(dir, KafkaSink.DEFAULT_MAX_BYTES, SpoolFull.DROP_OLDEST, new Figures())) {
            IOException e = assertThrows(IOException.class,
                    () -> Spool.open(dir, KafkaSink.DEFAULT_MAX_BYTES, SpoolFull.DROP_OLDEST, new Figures()));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }

    /** What a config reload does: a new sink for the directory before the old one is closed. */
    @Test
    void aSecondSinkOnTheSameDirectorySharesItsSpoolAndTheFirstGoesOnAfterIt() throws Exception {
        try (KafkaSink first = sink(KafkaSink.DEFAULT_MAX_BYTES, SpoolFull.DROP_OLDEST)) {
            first.accept(TestEvents.numbered(0, 1));
            try (KafkaSink second = sink(KafkaSink.DEFAULT_MAX_BYTES, SpoolFull.DROP_OLDEST)) {
                second.accept(TestEvents.numbered(1, 1));
                assertEquals(2, second.stats().spooled(), "one spool, one set of figures");
            }
            first.accept(TestEvents.numbered(2, 1));
            assertEquals(3, first.stats().spoolRecords());
        }
        assertEquals(List.of(0L, 1L, 2L), spooled(new Figures()));
    }
}
