package dev.signals.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.Router;
import dev.signals.router.RouterSignals;
import dev.signals.router.delivery.SinkStats;
import dev.signals.sinks.testing.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log directory of a running file sink removed ({@code rm -rf}), moved, or replaced by a
 * regular file, then restored, on a real file system, sync and async alike. The sink notices at
 * its next check of the file's place (a clock the test moves makes the checks exact): it
 * reopens at the path and recreates the directory; lines written to a removed file since the
 * last check are counted as lost and reported; lines that cannot be written are failed,
 * reported and diverted. Throughout, the router's delivered events are the lines in the files
 * plus the lines counted lost.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileSinkRemovalTest {

    private static final Signal WRITE = Signal.of("REMOVAL_WRITE");
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path dir;

    private final Recorder fallback = new Recorder();
    private final Recorder observer = new Recorder();
    private final MutableClock clock = new MutableClock(T0);
    private Router router;
    private Path logs;
    private Path active;
    private Sink sink;
    private int emitted;
    private int seconds;

    @AfterEach
    void close() {
        if (router != null) {
            router.close(Duration.ofSeconds(10));
        }
    }

    private void emit(int n) {
        for (int k = 0; k < n; k++) {
            router.dispatch(Event.builder(WRITE).message("removal test").fields(Field.of("id", emitted++)).build());
        }
        assertTrue(router.flush(Duration.ofSeconds(10)));
    }

    /** Moves the clock past the sink's next check of the file's place. */
    private void nextCheck() {
        seconds += 2;
        clock.set(T0.plusSeconds(seconds));
    }

    private static int lines(Path file) {
        return Files.exists(file) ? LogFiles.events(file).size() : 0;
    }

    private String reports() {
        StringBuilder text = new StringBuilder();
        for (Event e : observer.of(RouterSignals.SINK_FAILED)) {
            text.append(e.message()).append(" / ").append(e.field(Field.ERROR_KEY).errorValue()).append('\n');
        }
        return text.toString();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aDirectoryRemovedWithRmRfIsRecreatedAndTheLinesWrittenToTheRemovedFileAreCountedLost(boolean async)
            throws Exception {
        sink = build(async);
        emit(10);
        nextCheck();
        emit(5); // the check before the first of these finds the file in place
        assertTrue(Faults.run("rm", "-rf", logs.toString()));
        emit(20); // into the removed file: no check is due
        nextCheck();
        emit(10); // the check finds the file removed: a new file in a new directory
        router.close(Duration.ofSeconds(10));

        FileSinkStats own = FaultRouting.own(sink);
        assertEquals(25, own.linesLostToRemovedFile(), "the lines written since the last check: " + own);
        SinkStats s = FaultRouting.fileStats(router);
        assertEquals(45, s.delivered());
        assertEquals(10, lines(active), "writing resumed in a new file at the path");
        assertEquals(s.delivered(), lines(active) + own.linesLostToRemovedFile() + 10,
                "delivered = lines in the file + lines lost + the 10 lines seen in the file before the last check");
        assertTrue(reports().contains("25 line(s) written to " + active + " after it was removed"), reports());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aMovedDirectoryKeepsItsLinesAndWritingGoesOnAtThePath(boolean async) throws Exception {
        sink = build(async);
        emit(10);
        Path moved = dir.resolve("logs.old");
        Files.move(logs, moved);
        emit(20); // into the moved file
        nextCheck();
        emit(10);
        router.close(Duration.ofSeconds(10));

        assertEquals(0, FaultRouting.own(sink).linesLostToRemovedFile(), "a moved file keeps its lines");
        assertEquals(30, lines(moved.resolve("app.jsonl")));
        assertEquals(10, lines(active));
        assertEquals(40, FaultRouting.fileStats(router).delivered());
        assertEquals("", reports(), "nothing to report");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aDirectoryReplacedByARegularFileFailsEveryLineToTheFallbackUntilItIsRestored(boolean async) throws Exception {
        sink = build(async);
        emit(10);
        nextCheck();
        assertTrue(Faults.run("rm", "-rf", logs.toString()));
        Files.writeString(logs, "not a directory\n");
        emit(20); // the check finds the file gone; the path cannot be opened: every line fails
        assertEquals(20, fallback.count(WRITE), "diverted to the fallback");
        assertEquals(10, FaultRouting.own(sink).linesLostToRemovedFile(), "the lines written since the last check");
        assertTrue(reports().contains(logs.toString()), reports());

        Files.delete(logs); // restored: the directory is recreated at the next line
        emit(10);
        router.close(Duration.ofSeconds(10));

        SinkStats s = FaultRouting.fileStats(router);
        assertEquals(40, s.routed());
        assertEquals(20, s.delivered());
        assertEquals(20, s.diverted());
        assertEquals(0, s.droppedTotal());
        assertEquals(10, lines(active), "writing resumed");
        assertEquals(s.delivered(), lines(active) + FaultRouting.own(sink).linesLostToRemovedFile(),
                "delivered = lines in the file + lines lost");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void onTheRealClockTheRemovalIsNoticedAndEveryLineAfterItIsOnDiskOrCountedLost(boolean async) throws Exception {
        sink = build(async, Clock.systemUTC());
        emit(10);
        int before = lines(active);
        assertTrue(Faults.run("rm", "-rf", logs.toString()));
        int afterRemoval = emitted;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(active)) { // noticed at the first line after the check interval
            assertTrue(System.nanoTime() < deadline, "the sink reopened at the path within the deadline");
            emit(1);
        }
        emit(10);
        router.close(Duration.ofSeconds(10));

        long lost = FaultRouting.own(sink).linesLostToRemovedFile();
        long delivered = FaultRouting.fileStats(router).delivered();
        assertEquals(emitted, delivered);
        assertTrue(lost >= emitted - afterRemoval - lines(active), "every line after the removal is on disk or counted lost");
        assertTrue(lost <= delivered - lines(active), "no line in the new file is counted lost");
        assertEquals(10, before);
        assertTrue(reports().contains("after it was removed"), reports());
    }

    private Sink build(boolean async) {
        return build(async, clock);
    }

    private Sink build(boolean async, Clock sinkClock) {
        logs = dir.resolve("logs");
        active = logs.resolve("app.jsonl");
        router = new Router();
        return FaultRouting.route(router, "REMOVAL_*", active, sinkClock, async, fallback, observer);
    }
}
