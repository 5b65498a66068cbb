package dev.signals.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.Router;
import dev.signals.router.RouterSignals;
import dev.signals.router.config.ConfigException;
import dev.signals.router.config.ConfigObject;
import dev.signals.router.config.ConfigParser;
import dev.signals.router.delivery.SinkStats;
import dev.signals.sinks.testing.Recorder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FIFO with no reader at the file sink's path (a real {@code mkfifo}): opening it for writing
 * would wait for ever. Refused at creation with an error naming the path; a FIFO put at the
 * path later is a path that cannot be written — failed, reported, diverted — until it is gone.
 * Every test has a deadline, run on its own thread, so a hang fails it.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileSinkFifoTest {

    private static final Signal PIPE = Signal.of("FIFO_WRITE");

    @TempDir
    Path dir;

    private final List<Path> fifos = new ArrayList<>();
    private final Recorder fallback = new Recorder();
    private final Recorder observer = new Recorder();
    private Router router;
    private int emitted;

    private Path mkfifo(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        assumeTrue(Faults.run("mkfifo", path.toString()), "mkfifo works here");
        fifos.add(path);
        return path;
    }

    /** A writer still stuck opening a FIFO (the failure this guards against) is let go: a read-write open never waits. */
    @AfterEach
    void release() throws IOException {
        if (router != null) {
            router.close(Duration.ofSeconds(10));
        }
        for (Path f : fifos) {
            if (Files.exists(f) && !Files.isRegularFile(f)) {
                new RandomAccessFile(f.toFile(), "rw").close();
            }
        }
    }

    private Sink create(Path path) {
        String json = "{\"type\": \"file\", \"path\": \"" + path + "\"}";
        return new FileSinkFactory().create(new ConfigObject(ConfigParser.parse(json, "app.json"), "audit",
                FileSinkFactory.TYPE));
    }

    @Test
    void aFifoAtThePathIsRefusedWhenTheSinkIsCreated() throws Exception {
        Path fifo = mkfifo(dir.resolve("logs/audit.jsonl"));
        ConfigException e = assertThrows(ConfigException.class, () -> create(fifo));
        assertTrue(e.getMessage().contains(fifo.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("a FIFO"), e.getMessage());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());

        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), fifo);
        assertTrue(assertThrows(ConfigException.class, () -> create(link)).getMessage().contains("a FIFO"),
                "a link is followed to what it names");
        assertThrows(ConfigException.class, () -> create(Path.of("/dev/null")), "a device is no regular file either");
    }

    @Test
    void aSinkBuiltInCodeOnAFifoFailsAtEachWriteWithoutWaiting() throws Exception {
        Path fifo = mkfifo(dir.resolve("logs/app.jsonl"));
        FileSink sync = FileSink.builder(fifo).build();
        NotRegularFileException e = assertThrows(NotRegularFileException.class, () -> sync.accept(event()));
        assertTrue(e.getMessage().contains(fifo + ": is a FIFO"), e.getMessage());
        assertThrows(NotRegularFileException.class, () -> sync.accept(event()), "and again: nothing waits");
        assertEquals(2, sync.stats().refused());
        sync.close();

        BufferedFileSink buffered = FileSink.builder(fifo).buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        assertThrows(Exception.class, () -> buffered.accept(event()));
        assertEquals(1, buffered.stats().linesFailed());
        buffered.close();
    }

    @Test
    void aFifoPutAtThePathOfARunningSynchronousSinkIsAnUnwritablePathUntilItIsGone() throws Exception {
        fifoReplacesTheFile(false);
    }

    @Test
    void aFifoPutAtThePathOfARunningAsyncSinkIsAnUnwritablePathUntilItIsGone() throws Exception {
        fifoReplacesTheFile(true);
    }

    private void fifoReplacesTheFile(boolean async) throws Exception {
        Path active = dir.resolve("logs/app.jsonl");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
        router = new Router();
        FaultRouting.route(router, "FIFO_*", active, clock, async, fallback, observer);

        emit(10);
        Files.move(active, dir.resolve("logs/app-old.jsonl")); // like logrotate, then a FIFO where the file was
        mkfifo(active);
        clock.set(Instant.parse("2026-12-05T10:00:02Z")); // past the check of the file's place
        emit(10);
        assertEquals(10, fallback.count(PIPE), "every event while the FIFO is there went to the fallback");
        assertTrue(observer.count(RouterSignals.SINK_FAILED) > 0, "reported");
        Throwable cause = observer.of(RouterSignals.SINK_FAILED).get(0).field(Field.ERROR_KEY).errorValue();
        assertTrue(String.valueOf(cause).contains("is a FIFO"), String.valueOf(cause));

        Files.delete(active);
        emit(10);
        router.close(Duration.ofSeconds(10));

        SinkStats s = FaultRouting.fileStats(router);
        assertEquals(30, s.routed());
        assertEquals(20, s.delivered(), "10 before, 10 after");
        assertEquals(10, s.diverted());
        assertEquals(0, s.droppedTotal());
        assertEquals(10, ids(dir.resolve("logs/app-old.jsonl")).size());
        assertEquals(List.of(20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L), ids(active), "writing resumed");
        assertTrue(Files.isRegularFile(active));
    }

    private Event event() {
        return Event.builder(PIPE).message("through a pipe").fields(Field.of("id", emitted++)).build();
    }

    private void emit(int n) {
        for (int k = 0; k < n; k++) {
            router.dispatch(event());
        }
        assertTrue(router.flush(Duration.ofSeconds(10)));
    }

    private static List<Long> ids(Path file) {
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> line : LogFiles.events(file)) {
            out.add(LogFiles.number(line, "id"));
        }
        return out;
    }
}
