package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.sinks.testing.JsonLines;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "onUncaughtException": true} chains to the handler in place and restores it on close. */
class UncaughtExceptionTest {

    @TempDir
    Path dir;

    private Thread.UncaughtExceptionHandler original;
    private final List<Throwable> seenByPrevious = Collections.synchronizedList(new ArrayList<>());
    private final Thread.UncaughtExceptionHandler previous = (t, e) -> seenByPrevious.add(e);

    @BeforeEach
    void installPrevious() {
        original = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @AfterEach
    void restoreOriginal() {
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    private static SnapshotSink sink(Path dir) {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.accept(Event.builder(Signal.INFO).message("before the crash").build());
        return new SnapshotSink(buffer, SnapshotOptions.builder(dir).onUncaughtException(true).build());
    }

    private static void dieIn(String threadName, RuntimeException error) throws InterruptedException {
        Thread t = new Thread(() -> {
            throw error;
        }, threadName);
        t.start();
        t.join();
    }

    @Test
    void anUncaughtExceptionIsSnapshottedThenHandedToThePreviousHandler() throws Exception {
        SnapshotSink sink = sink(dir);
        try {
            assertNotSame(previous, Thread.getDefaultUncaughtExceptionHandler());
            IllegalStateException boom = new IllegalStateException("boom");
            dieIn("worker-7", boom);
            assertEquals(List.of(boom), seenByPrevious, "the previous handler still gets the exception");
            // The dying thread waited for the write, so the file is there once it has ended.
            List<Path> files = snapshots(dir);
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().endsWith("-uncaught_exception.jsonl.lz4"), files.toString());
            List<Map<String, Object>> lines = lines(files.get(0));
            Map<String, Object> trigger = JsonLines.obj(lines.get(0).get("trigger"));
            assertEquals("uncaught_exception", trigger.get("kind"));
            assertEquals("UNCAUGHT_EXCEPTION", trigger.get("signal"));
            assertEquals("worker-7", trigger.get("thread"));
            assertEquals("before the crash", lines.get(1).get("message"));
            Map<String, Object> last = lines.get(lines.size() - 1);
            assertEquals("FATAL", last.get("severity"));
            Map<String, Object> error = JsonLines.obj(last.get("error"));
            assertEquals("java.lang.IllegalStateException", error.get("type"));
            assertEquals("boom", error.get("message"));
        } finally {
            sink.close();
        }
        assertSame(previous, Thread.getDefaultUncaughtExceptionHandler(), "close puts the previous handler back");
    }

    @Test
    void aHandlerInstalledOnTopKeepsItsChainAfterClose() throws Exception {
        SnapshotSink sink = sink(dir);
        Thread.UncaughtExceptionHandler ours = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> seenByTop = Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler top = (t, e) -> {
            seenByTop.add(e);
            ours.uncaughtException(t, e);
        };
        Thread.setDefaultUncaughtExceptionHandler(top);
        sink.close();
        assertSame(top, Thread.getDefaultUncaughtExceptionHandler(), "a handler installed later is not removed");

        IllegalArgumentException late = new IllegalArgumentException("after close");
        dieIn("worker-8", late);
        assertEquals(List.of(late), seenByTop);
        assertEquals(List.of(late), seenByPrevious, "the closed sink only passes the exception on");
        assertEquals(List.of(), snapshots(dir), "and takes no snapshot");
    }

    @Test
    void withNoPreviousHandlerTheStackTraceIsPrintedAsTheJvmWouldPrintIt() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(null);
        SnapshotSink sink = sink(dir);
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            dieIn("worker-9", new UnsupportedOperationException("nope"));
        } finally {
            System.setErr(stderr);
            sink.close();
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Exception in thread \"worker-9\" java.lang.UnsupportedOperationException: nope"), printed);
        assertEquals(1, snapshots(dir).size());
        assertEquals(null, Thread.getDefaultUncaughtExceptionHandler());
    }
}
