package dev.signals.sinks.file;

import dev.signals.sinks.testing.Recorder;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.Router;
import dev.signals.router.RouterSignals;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real disk faults: an immutable directory and a full tmpfs. The application never sees an
 * exception, the failure is reported with its cause, the fallback takes the events while the
 * file cannot, writing resumes by itself, and the router's figures alone add up: every event is
 * in the file (and counted delivered) or in the fallback (and counted diverted).
 * Breakers open for 0 ms, so each event during the outage probes the file: recovery is seen at
 * the first event after the fault is removed, with no waiting on the clock.
 */
class FileSinkFaultTest {

    private static final Signal WRITE = Signal.of("DISK_WRITE");

    @TempDir
    Path dir;

    private final List<Path> immutableDirs = new ArrayList<>();
    private final List<Path> mounts = new ArrayList<>();
    private final Recorder fallback = new Recorder();
    private final Recorder observer = new Recorder();
    private Router router;
    private int emitted;

    @AfterEach
    void undoFaults() {
        if (router != null) {
            router.close(Duration.ofSeconds(10));
        }
        for (Path d : immutableDirs) {
            Faults.immutable(d, false);
        }
        for (Path m : mounts) {
            Faults.unmount(m);
        }
    }

    private void immutable(Path d, boolean on) {
        assertTrue(Faults.immutable(d, on), "chattr " + (on ? "+i " : "-i ") + d);
        if (on) {
            immutableDirs.add(d);
        } else {
            immutableDirs.remove(d);
        }
    }

    private <S extends Sink> S route(S sink, DeliveryPolicy.Builder policy) {
        router = new Router();
        router.route("DISK_*", Severity.TRACE, sink,
                policy.circuitBreaker(2, Duration.ZERO).fallback(fallback).build());
        router.route("SINK_*", observer);
        return sink;
    }

    /** The application: emits {@code n} events, and must never see an exception. */
    private void emit(int n) {
        assertDoesNotThrow(() -> {
            for (int k = 0; k < n; k++) {
                router.dispatch(Event.builder(WRITE).message("disk fault test")
                        .fields(Field.of("id", emitted++), Field.of("pad", "p".repeat(100))).build());
            }
        });
    }

    private SinkStats stats() {
        return router.stats().sinks().values().iterator().next();
    }

    private String firstFailureReport() {
        List<Event> reports = observer.of(RouterSignals.SINK_FAILED);
        assertTrue(!reports.isEmpty(), "SINK_FAILED reached another sink");
        Throwable cause = reports.get(0).field(Field.ERROR_KEY).errorValue();
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            text.append(t).append(" / ");
        }
        return text.toString();
    }

    @Test
    void anImmutableDirectoryDivertsToTheFallbackAndWritingResumesWhenItIsWritableAgain() throws Exception {
        assumeTrue(Faults.canMakeImmutable(dir), "chattr +i works here");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path active = logs.resolve("app.jsonl");
        route(FileSink.builder(active).build(), DeliveryPolicy.builder());

        immutable(logs, true);
        emit(50);
        assertEquals(50, fallback.count(WRITE), "every event of the outage went to the fallback");
        assertEquals("OPEN", stats().circuit());
        assertTrue(firstFailureReport().contains(active.toString()), "the cause names the file");
        assertEquals(1, observer.count(RouterSignals.SINK_CIRCUIT_OPENED));

        immutable(logs, false);
        emit(1);
        assertEquals("CLOSED", stats().circuit(), "the first event after the fault wrote the file");
        emit(49);
        router.close(Duration.ofSeconds(10));

        checkEveryEventWrittenOrDiverted(active);
        assertEquals(50, stats().delivered(), "the 50 events after the fault");
    }

    @Test
    void aRotationIntoAnImmutableDirectoryFailsWithoutLossAndIsDoneWhenTheFaultClears() throws Exception {
        assumeTrue(Faults.canMakeImmutable(dir), "chattr +i works here");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path active = logs.resolve("app.jsonl");
        FileSink sink = route(FileSink.builder(active).maxBytes(4_096).maxFiles(1_000).build(), DeliveryPolicy.builder());
        emit(100);
        long rotationsBefore = sink.stats().rotations();
        assertTrue(rotationsBefore > 0);

        immutable(logs, true); // the open file still takes lines; renaming it does not
        emit(100);
        assertTrue(fallback.count(WRITE) > 0, "events went to the fallback once a rotation was due");
        assertTrue(firstFailureReport().contains("cannot rotate"), firstFailureReport());
        assertEquals(rotationsBefore, sink.stats().rotations());

        immutable(logs, false);
        emit(100);
        assertEquals("CLOSED", stats().circuit());
        assertTrue(sink.stats().rotations() > rotationsBefore, "rotation resumed");
        router.close(Duration.ofSeconds(10));

        checkEveryEventWrittenOrDiverted(active);
    }

    @Test
    void aFullDiskDivertsTheUnwrittenBufferedLinesToTheFallbackAndResumesWhenSpaceIsBack() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tmpfs"));
        assumeTrue(Faults.mountTmpfs(mount, "256k"), "a tmpfs can be mounted here");
        mounts.add(mount);
        Path active = mount.resolve("logs/app.jsonl");
        BufferedFileSink sink = route(FileSink.builder(active).buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES),
                DeliveryPolicy.builder().async(4_096, Overflow.BLOCK));

        // Fill the disk: ~200 bytes a line, so 256 KiB take fewer than 1,500 events.
        while (fallback.count(WRITE) < 200) {
            assertTrue(emitted < 100_000, "the disk filled up");
            emit(100);
            assertTrue(router.flush(Duration.ofSeconds(10)));
        }
        assertTrue(firstFailureReport().contains("No space left on device"), firstFailureReport());
        assertEquals(0, stats().pending(), "flushed: every event is written or diverted, none is held");
        assertEquals(emitted, stats().delivered() + fallback.count(WRITE));
        long deliveredDuringOutage = stats().delivered();

        assertTrue(Faults.resizeTmpfs(mount, "64m"));
        emit(500);
        assertTrue(router.flush(Duration.ofSeconds(10)));
        assertEquals("CLOSED", stats().circuit());
        assertTrue(stats().delivered() > deliveredDuringOutage, "writing resumed");
        router.close(Duration.ofSeconds(10));

        checkEveryEventWrittenOrDiverted(active);
        assertTrue(Files.size(active) > 256 * 1024, "the file grew past the old limit");
        assertEquals(0, sink.stats().linesPending());
    }

    /**
     * Every emitted event is in the file or in the fallback, exactly once; the file holds whole
     * JSON lines in emission order; the router's figures add up.
     */
    private void checkEveryEventWrittenOrDiverted(Path active) {
        SinkStats s = stats();
        assertEquals(emitted, s.routed());
        assertEquals(s.routed(), s.delivered() + s.diverted() + s.droppedTotal(), "routed = delivered + diverted + dropped");
        assertEquals(0, s.droppedTotal(), "the fallback took every event the file could not");
        assertTrue(s.failures() > 0);

        List<Long> written = new ArrayList<>();
        for (Map<String, Object> line : LogFiles.allEvents(active)) {
            written.add(LogFiles.number(line, "id"));
        }
        for (int k = 1; k < written.size(); k++) {
            assertTrue(written.get(k) > written.get(k - 1), "file lines in emission order");
        }
        Set<Long> seen = new HashSet<>(written);
        assertEquals(written.size(), seen.size(), "no event written twice");
        for (Event e : fallback.of(WRITE)) {
            assertTrue(seen.add(e.field("id").longValue()), "no event both written and diverted");
        }
        assertEquals(emitted, seen.size(), "every event written or diverted");

        assertEquals(s.delivered(), written.size(), "the router's delivered events are the file's lines");
        assertEquals(s.diverted(), fallback.count(WRITE));
        assertEquals(emitted, written.size() + s.diverted() + s.droppedTotal(), "written + diverted + dropped = emitted");
    }
}
