package dev.signals.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.Router;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation by size and time, retention and compression, under concurrent writers. */
class FileSinkRotationTest {

    private static final Signal WRITE = Signal.of("FILE_ROTATION_WRITE");
    private static final int THREADS = 4;
    private static final int PER_THREAD = 3_000;
    private static final long MAX_BYTES = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void fourThreadsWritingSynchronouslyThroughRotationKeepEveryEventOnceInOrder() throws Exception {
        Path active = dir.resolve("logs/sync/app.jsonl");
        FileSink sink = FileSink.builder(active).maxBytes(MAX_BYTES).maxFiles(100_000).gzip(true).build();
        runFourThreads(sink, DeliveryPolicy.DIRECT);
        checkEveryEventOnceInThreadOrder(active, sink.stats());
    }

    @Test
    void fourThreadsWritingThroughAnAsyncQueueKeepEveryEventOnceInOrder() throws Exception {
        Path active = dir.resolve("logs/async/app.jsonl");
        BufferedFileSink sink = FileSink.builder(active).maxBytes(MAX_BYTES).maxFiles(100_000).gzip(true)
                .buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        runFourThreads(sink, DeliveryPolicy.builder().async(1_024, Overflow.BLOCK).batchSize(128).build());
        checkEveryEventOnceInThreadOrder(active, sink.stats());
    }

    private void runFourThreads(Sink sink, DeliveryPolicy policy) throws Exception {
        Router router = new Router();
        router.route("FILE_ROTATION_*", Severity.TRACE, sink, policy);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        router.dispatch(Event.builder(WRITE).message("rotation under load")
                                .fields(Field.of("t", thread), Field.of("i", i), Field.of("pad", "x".repeat(i % 97)))
                                .build());
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "writer-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), errors, "no emitting thread saw an exception");
        router.close(Duration.ofSeconds(30));
        SinkStats stats = router.stats().sinks().values().iterator().next();
        assertEquals(THREADS * PER_THREAD, stats.routed());
        assertEquals(THREADS * PER_THREAD, stats.delivered(), "every line written, and so delivered");
        assertEquals(0, stats.failures());
    }

    private static void checkEveryEventOnceInThreadOrder(Path active, FileSinkStats s) {
        List<Path> rotated = LogFiles.rotated(active);
        assertTrue(rotated.size() > 10, "many rotations happened: " + rotated.size());
        for (Path f : rotated) {
            assertTrue(f.getFileName().toString().endsWith(".gz"), f + " was compressed");
            assertTrue(LogFiles.content(f).length <= MAX_BYTES, f + " holds at most maxBytes");
        }
        int[] next = new int[THREADS];
        for (Map<String, Object> line : LogFiles.allEvents(active)) {
            assertEquals(WRITE.name(), line.get("signal"));
            int t = (int) LogFiles.number(line, "t");
            long i = LogFiles.number(line, "i");
            assertEquals(next[t], i, "thread " + t + ": every event once, in order");
            next[t]++;
        }
        for (int t = 0; t < THREADS; t++) {
            assertEquals(PER_THREAD, next[t], "thread " + t + ": all events written");
        }
        assertEquals(THREADS * PER_THREAD, s.accepted());
        assertEquals(THREADS * PER_THREAD, s.linesWritten());
        assertEquals(0, s.refused() + s.linesPending() + s.linesFailed() + s.writeFailures() + s.housekeepingFailures());
        assertEquals(rotated.size(), s.rotations());
    }

    @Test
    void hourlyRotationStartsANewFileAtEachHourAndNamesTheOldOneByTheRotationTime() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:59:58Z"));
        Path active = dir.resolve("hourly.jsonl");
        FileSink sink = FileSink.builder(active).rotation(Rotation.HOURLY).clock(clock).build();
        sink.accept(event(1));
        sink.accept(event(2));
        clock.set(Instant.parse("2026-11-23T04:00:00Z"));
        sink.accept(event(3));
        clock.set(Instant.parse("2026-11-23T05:30:00Z"));
        sink.accept(event(4));
        sink.close();

        List<Path> rotated = LogFiles.rotated(active);
        assertEquals(List.of("hourly-20261123T040000Z-000001.jsonl", "hourly-20261123T053000Z-000001.jsonl"),
                rotated.stream().map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toList()));
        assertEquals(List.of(1L, 2L), ids(rotated.get(0)));
        assertEquals(List.of(3L), ids(rotated.get(1)));
        assertEquals(List.of(4L), ids(active));
    }

    @Test
    void aFileLeftFromAnEarlierDayIsRotatedBeforeTheFirstWrite() throws Exception {
        Path active = dir.resolve("daily.jsonl");
        Files.writeString(active, "{\"seq\":0}\n");
        Files.setLastModifiedTime(active, FileTime.from(Instant.parse("2026-11-22T23:00:00Z")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        FileSink sink = FileSink.builder(active).rotation(Rotation.DAILY).clock(clock).build();
        sink.accept(event(1));
        sink.close();

        List<Path> rotated = LogFiles.rotated(active);
        assertEquals(1, rotated.size());
        assertEquals("{\"seq\":0}\n", Files.readString(rotated.get(0)));
        assertEquals(List.of(1L), ids(active));
    }

    @Test
    void retentionKeepsTheNewestRotatedFilesAndTheyEndWithTheLastEvent() throws Exception {
        Path active = dir.resolve("kept/app.jsonl");
        FileSink sink = FileSink.builder(active).maxBytes(2_000).maxFiles(3).build();
        int n = 300;
        for (int i = 1; i <= n; i++) {
            sink.accept(event(i));
        }
        sink.close();

        assertEquals(3, LogFiles.rotated(active).size(), "three rotated files kept");
        assertTrue(sink.stats().rotations() > 3);
        List<Long> kept = new ArrayList<>();
        for (Path f : LogFiles.all(active)) {
            kept.addAll(ids(f));
        }
        assertFalse(kept.isEmpty());
        for (int k = 0; k < kept.size(); k++) {
            assertEquals(n - kept.size() + 1 + k, kept.get(k), "the newest events, contiguous and in order");
        }
    }

    @Test
    void anEventLargerThanMaxBytesGetsAFileOfItsOwnAndIsNeverSplit() throws Exception {
        Path active = dir.resolve("big.jsonl");
        FileSink sink = FileSink.builder(active).maxBytes(500).maxFiles(10).build();
        sink.accept(event(1));
        sink.accept(Event.builder(WRITE).sequence(2).fields(Field.of("blob", "y".repeat(2_000))).build());
        sink.accept(event(3));
        sink.close();

        List<Path> files = LogFiles.all(active);
        assertEquals(3, files.size());
        assertEquals(List.of(1L), ids(files.get(0)));
        assertEquals(List.of(2L), ids(files.get(1)));
        assertEquals(List.of(3L), ids(files.get(2)));
    }

    @Test
    void withFsyncAlwaysEveryLineIsInTheFileWhenAcceptReturnsEvenWithABuffer() throws Exception {
        Path active = dir.resolve("always.jsonl");
        BufferedFileSink sink = FileSink.builder(active).fsync(Fsync.ALWAYS).buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        sink.accept(event(1));
        assertEquals(List.of(1L), ids(active));
        sink.accept(event(2));
        assertEquals(List.of(1L, 2L), ids(active));
        sink.close();
    }

    @Test
    void aBufferedSinkWritesWholeLinesOnFlush() throws Exception {
        Path active = dir.resolve("buffered.jsonl");
        BufferedFileSink sink = FileSink.builder(active).fsync(Fsync.BATCH).buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        sink.accept(event(1));
        sink.accept(event(2));
        assertEquals(2, sink.stats().linesPending());
        assertEquals(List.of(), ids(active), "buffered until flush");
        sink.flush();
        assertEquals(List.of(1L, 2L), ids(active));
        assertEquals(0, sink.stats().linesPending());
        sink.close();
    }

    @Test
    void aFileDeletedFromOutsideIsStartedAgain() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
        Path active = dir.resolve("deleted.jsonl");
        FileSink sink = FileSink.builder(active).clock(clock).build();
        sink.accept(event(1));
        Files.delete(active);
        clock.set(Instant.parse("2026-11-23T03:00:02Z")); // past the once-a-second check
        sink.accept(event(2));
        assertEquals(1, sink.stats().linesLostToRemovedFile(), "the line written since the last check");
        IOException reported = assertThrows(IOException.class, sink::close, "the loss is reported once");
        assertTrue(reported.getMessage().contains("1 line(s) written to " + active + " after it was removed"),
                reported.getMessage());
        assertEquals(List.of(2L), ids(active));
    }

    private static Event event(long seq) {
        return Event.builder(WRITE).sequence(seq).message("event " + seq).build();
    }

    private static List<Long> ids(Path file) {
        List<Long> out = new ArrayList<>();
        if (Files.exists(file)) {
            for (Map<String, Object> line : LogFiles.events(file)) {
                out.add(LogFiles.number(line, "seq"));
            }
        }
        return out;
    }
}
