package dev.signals.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread that logs while interrupted (a server's acceptor during its stop) loses no line and
 * does not close the file: the line is written, the next line goes to the same open file with
 * no failure, and the thread's interrupt flag is still set. For each way a line reaches the
 * disk: a plain write, a sync, a rotation, and the buffered sink's writes in {@code accept}
 * and {@code flush}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileSinkInterruptTest {

    private static final Signal SHUTDOWN = Signal.of("INTERRUPTED_WRITE");

    @TempDir
    Path dir;

    private static Event event(long id) {
        return Event.builder(SHUTDOWN).message("stopping").fields(Field.of("id", id)).build();
    }

    /** Runs {@code body} on a new thread that is interrupted first; returns whether its flag was still set after. */
    private static boolean onInterruptedThread(ThrowingRunnable body) throws Exception {
        CompletableFuture<Boolean> flagAfter = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                body.run();
                flagAfter.complete(Thread.currentThread().isInterrupted());
            } catch (Throwable e) {
                flagAfter.completeExceptionally(e);
            }
        }, "interrupted-writer");
        t.start();
        return flagAfter.get(30, TimeUnit.SECONDS);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static List<Long> ids(Path active) {
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> line : LogFiles.allEvents(active)) {
            out.add(LogFiles.number(line, "id"));
        }
        return out;
    }

    @Test
    void theSynchronousSinkWritesTheLineOfAnInterruptedThreadAndKeepsTheFileOpen() throws Exception {
        for (Fsync fsync : Fsync.values()) {
            Path active = dir.resolve(fsync.configName() + "/app.jsonl");
            FileSink sink = FileSink.builder(active).fsync(fsync).build();
            sink.accept(event(1));
            assertTrue(onInterruptedThread(() -> sink.accept(event(2))), "the interrupt flag is still set");
            sink.accept(event(3));
            sink.flush();
            assertEquals(List.of(1L, 2L, 3L), ids(active), "fsync " + fsync);
            FileSinkStats s = sink.stats();
            assertEquals(0, s.writeFailures(), "the file was never closed under the sink: " + s);
            assertEquals(0, s.refused());
            sink.close();
        }
    }

    @Test
    void anInterruptedThreadRotatesAndCompressesWithoutLosingALine() throws Exception {
        Path active = dir.resolve("logs/app.jsonl");
        FileSink sink = FileSink.builder(active).maxBytes(1).gzip(true).fsync(Fsync.BATCH).build(); // a file per line
        sink.accept(event(1));
        assertTrue(onInterruptedThread(() -> {
            sink.accept(event(2));
            sink.accept(event(3));
            sink.flush();
        }));
        sink.accept(event(4));
        sink.close();
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(active));
        assertEquals(3, sink.stats().rotations());
        assertEquals(0, sink.stats().writeFailures());
        assertEquals(0, sink.stats().housekeepingFailures());
    }

    @Test
    void theBufferedSinkWritesTheLinesOfAnInterruptedWorkerAndKeepsTheFileOpen() throws Exception {
        Path active = dir.resolve("logs/app.jsonl");
        BufferedFileSink sink = FileSink.builder(active).fsync(Fsync.BATCH).buildBuffered(1); // every accept writes
        sink.accept(event(1));
        sink.flush();
        assertTrue(onInterruptedThread(() -> {
            sink.accept(event(2)); // written in accept: the buffer is full at once
            sink.flush();          // and synced
        }));
        sink.accept(event(3));
        sink.flush();
        BufferedFileSink gathering = FileSink.builder(dir.resolve("gathered/app.jsonl"))
                .buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        assertTrue(onInterruptedThread(() -> {
            gathering.accept(event(1));
            gathering.accept(event(2));
            gathering.flush(); // the worker's flush writes both
        }));
        gathering.close();
        sink.close();
        assertEquals(List.of(1L, 2L, 3L), ids(active));
        assertEquals(List.of(1L, 2L), ids(dir.resolve("gathered/app.jsonl")));
        assertEquals(0, sink.stats().writeFailures());
        assertEquals(0, sink.stats().linesFailed());
        assertEquals(0, gathering.stats().linesFailed());
    }

    @Test
    void interruptsArrivingWhileAThreadWritesLoseNothing() throws Exception {
        Path active = dir.resolve("logs/app.jsonl");
        FileSink sink = FileSink.builder(active).maxBytes(64 * 1024).maxFiles(1_000).build();
        int n = 5_000;
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                try {
                    sink.accept(event(i));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            done.set(true);
        }, "writer");
        writer.start();
        while (!done.get() && writer.isAlive()) {
            writer.interrupt();
            Thread.onSpinWait();
        }
        writer.join(30_000);
        sink.close();
        assertTrue(done.get(), "the writer wrote every line");
        List<Long> ids = ids(active);
        assertEquals(n, ids.size());
        assertEquals(0, sink.stats().writeFailures());
    }

    @Test
    void throughTheRouterAnInterruptedThreadsEventIsDeliveredToTheFile() throws Exception {
        Path active = dir.resolve("logs/app.jsonl");
        Router router = new Router();
        try {
            router.route("INTERRUPTED_*", Severity.TRACE, FileSink.builder(active).build(), DeliveryPolicy.builder().build());
            assertTrue(onInterruptedThread(() -> router.dispatch(event(1))));
            router.dispatch(event(2));
            SinkStats s = router.stats().sinks().values().iterator().next();
            assertEquals(2, s.delivered());
            assertEquals(0, s.failures());
        } finally {
            router.close(Duration.ofSeconds(10));
        }
        assertEquals(List.of(1L, 2L), ids(active));
    }
}
