package dev.signals.sinks.file;

import dev.signals.sinks.testing.Recorder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.BatchFailedException;
import dev.signals.router.spi.BatchSink;
import dev.signals.sinks.json.EventJsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failed write does to the accounting, on a full disk (a tmpfs filled up) that refuses
 * every write. The buffered sink names exactly the events whose
 * lines are not in the file and then holds nothing; through the router, only written lines
 * count as delivered; the synchronous sink refuses the one event it could not write.
 */
class BufferedFileSinkTest {

    private static final Signal WRITE = Signal.of("BUFFERED_WRITE");
    @TempDir
    Path dir;

    private Path mount;
    private Path full;

    private final Recorder fallback = new Recorder();
    private Router router;

    @BeforeEach
    void needsAFullDisk() throws IOException {
        mount = Files.createDirectories(dir.resolve("full"));
        assumeTrue(Faults.mountTmpfs(mount, "64k"), "a tmpfs can be mounted here");
        Faults.fill(mount);
        full = mount.resolve("app.jsonl");
    }

    @AfterEach
    void close() {
        if (router != null) {
            router.close(Duration.ofSeconds(10));
        }
        if (full != null) {
            Faults.unmount(mount);
        }
    }

    private static Event event(long seq) {
        return Event.builder(WRITE).sequence(seq).message("event " + seq).build();
    }

    private static List<Long> seqs(List<Event> events) {
        return events.stream().map(Event::sequence).collect(Collectors.toList());
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
    }

    private void emit(long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            router.dispatch(event(seq));
        }
        assertTrue(router.flush(Duration.ofSeconds(10)));
    }

    private SinkStats stats() {
        return router.stats().sinks().values().iterator().next();
    }

    @Test
    void aFailedFlushNamesExactlyTheBufferedEventsAndTheSinkHoldsNothingAfter() throws Exception {
        BufferedFileSink sink = FileSink.builder(full).buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        for (long seq = 1; seq <= 3; seq++) {
            sink.accept(event(seq));
        }
        assertEquals(3, sink.stats().linesPending(), "buffered: nothing written yet");

        BatchFailedException e = assertThrows(BatchFailedException.class, sink::flush);
        assertEquals(List.of(1L, 2L, 3L), seqs(e.undelivered()));
        assertTrue(e.getMessage().contains("3 line(s) not written to " + full), e.getMessage());
        assertTrue(e.getCause() instanceof IOException && e.getMessage().contains("No space left on device"),
                e.getMessage());
        assertEquals(new FileSinkStats(3, 0, 0, 0, 3, 0, 0, 1, 0), sink.stats());

        sink.accept(event(4)); // taken again: the file is reopened, the line waits for the next flush
        BatchFailedException again = assertThrows(BatchFailedException.class, sink::flush);
        assertEquals(List.of(4L), seqs(again.undelivered()), "the events named before are not named twice");
        sink.close(); // nothing is buffered: closes quietly
        FileSinkStats s = sink.stats();
        assertEquals(s.accepted(), s.linesWritten() + s.linesPending() + s.linesFailed());
    }

    @Test
    void aWriteFailingInAcceptNamesTheBufferedEventsAndThisOne() throws Exception {
        int line = new EventJsonWriter().encode(event(1));
        BufferedFileSink sink = FileSink.builder(full).buildBuffered(2 * line + 1); // the third line fills it
        sink.accept(event(1));
        sink.accept(event(2));
        BatchFailedException e = assertThrows(BatchFailedException.class, () -> sink.accept(event(3)));
        assertEquals(List.of(1L, 2L, 3L), seqs(e.undelivered()), "in the order they were accepted");
        assertEquals(0, sink.stats().linesPending(), "the sink holds nothing");
        sink.flush(); // nothing left to write
        sink.close();
    }

    @Test
    void throughTheRouterOnlyWrittenLinesCountDeliveredAndTheOthersGoToTheFallback() throws Exception {
        Path real = dir.resolve("real.jsonl");
        Path link = Files.createSymbolicLink(dir.resolve("app.jsonl"), real);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
        BufferedFileSink sink = FileSink.builder(link).clock(clock).buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        router = new Router();
        router.route("BUFFERED_*", Severity.TRACE, sink,
                DeliveryPolicy.builder().async(1_024, Overflow.BLOCK).fallback(fallback).build());

        emit(1, 10);
        relink(link, full);
        clock.set(Instant.parse("2026-11-23T03:00:02Z")); // past the once-a-second check: the path is opened anew
        emit(11, 20);
        relink(link, real); // the failed write closed the full file; the next line opens the path again
        emit(21, 30);
        router.close(Duration.ofSeconds(10));

        SinkStats s = stats();
        assertEquals(30, s.routed());
        assertEquals(s.routed(), s.delivered() + s.diverted() + s.droppedTotal(), "routed = delivered + diverted + dropped");
        List<Long> written = ids(real);
        List<Long> expected = new ArrayList<>(range(1, 10));
        expected.addAll(range(21, 30));
        assertEquals(expected, written);
        assertEquals(written.size(), s.delivered(), "delivered = lines in the file");
        assertEquals(range(11, 20), seqs(fallback.of(WRITE)), "the unwritten lines went to the fallback, in order");
        assertEquals(10, s.diverted());
        assertEquals(0, s.droppedTotal());
        assertTrue(s.failures() > 0);
    }

    @Test
    void withoutAFallbackTheUnwrittenEventsAreCountedDropped() {
        router = new Router();
        router.route("BUFFERED_*", Severity.TRACE, FileSink.builder(full).buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES),
                DeliveryPolicy.builder().async(1_024, Overflow.BLOCK).build());
        emit(1, 5);
        router.close(Duration.ofSeconds(10));
        SinkStats s = stats();
        assertEquals(5, s.routed());
        assertEquals(0, s.delivered());
        assertEquals(5, s.dropped(DropReason.FAILURE));
    }

    @Test
    void theSynchronousSinkRefusesTheEventItCouldNotWrite() throws Exception {
        FileSink sink = FileSink.builder(full).build();
        assertFalse(((Object) sink) instanceof BatchSink, "each line is written in accept: a plain sink");
        assertThrows(IOException.class, () -> sink.accept(event(1)));
        assertThrows(IOException.class, () -> sink.accept(event(2)));
        assertEquals(new FileSinkStats(0, 2, 0, 0, 0, 0, 0, 2, 0), sink.stats());
        sink.close();
    }

    private static void relink(Path link, Path target) throws IOException {
        Files.delete(link);
        Files.createSymbolicLink(link, target);
    }

    private static List<Long> ids(Path file) {
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> line : LogFiles.events(file)) {
            out.add(LogFiles.number(line, "seq"));
        }
        return out;
    }
}
