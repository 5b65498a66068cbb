package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot holds the window that ends at its trigger, however hard other threads emit: the
 * triggering thread may be descheduled between numbering its trigger and handing it to the
 * buffer, or between that and copying it, for many turns of the ring, and the copy must still
 * hold the events that led up to it. Events go in as {@code Signals.emit} hands them over.
 */
class WindowAtTriggerTest {

    private static final Signal WORK = Signal.of("WORK_DONE", Severity.DEBUG);
    private static final Signal FAILED = Signal.of("WORK_FAILED", Severity.ERROR);
    private static final Field[] NO_FIELDS = {};
    private static final String BUFFER_FIRST = "[\"timeline\", \"snapshots\"]";
    private static final String SNAPSHOTS_FIRST = "[\"snapshots\", \"timeline\"]";

    @Test
    @Timeout(120)
    void twentySnapshotsOfAThousandEventBufferUnderThreeEmitters(@TempDir Path dir) throws Exception {
        for (int run = 0; run < 20; run++) {
            assertWindowEndsAtTrigger(dir.resolve("run-" + run), 1_000, 3, 990, 900, BUFFER_FIRST);
        }
    }

    /** A route may name the snapshot sink before its buffer: the trigger reaches the snapshot sink first. */
    @Test
    @Timeout(120)
    void theSameWhenTheSnapshotSinkIsRoutedBeforeItsBuffer(@TempDir Path dir) throws Exception {
        for (int run = 0; run < 20; run++) {
            assertWindowEndsAtTrigger(dir.resolve("run-" + run), 1_000, 3, 990, 900, SNAPSHOTS_FIRST);
        }
    }

    @Test
    @Timeout(120)
    void aHundredThousandEventBufferUnderFourEmitters(@TempDir Path dir) throws Exception {
        for (int run = 0; run < 3; run++) {
            assertWindowEndsAtTrigger(dir.resolve("run-" + run), 100_000, 4, 99_000, 90_000, BUFFER_FIRST);
        }
    }

    private static void assertWindowEndsAtTrigger(Path dir, int capacity, int emitters, int minEvents, int minBefore,
            String sinks) throws Exception {
        Files.createDirectories(dir);
        Router router = new Router();
        router.configure(config(dir, capacity, sinks), "window.json");
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder emitted = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < emitters; t++) {
            int emitter = t;
            Thread thread = new Thread(() -> {
                for (long n = 0; !stop.get(); n++) {
                    // As Signals.emit does: ask whether the signal is routed, then hand over its parts.
                    if (router.isRouted(WORK)) {
                        router.emit(WORK, "item", NO_FIELDS, new Field[] {Field.of("emitter", emitter), Field.of("n", n)});
                    }
                    emitted.increment();
                }
            }, "emitter-" + t);
            thread.start();
            threads.add(thread);
        }
        Thread triggering = new Thread(() -> {
            // Only once the ring has turned a few times, so that the past can be lost.
            while (emitted.sum() < 3L * capacity) {
                Thread.onSpinWait();
            }
            if (router.isRouted(FAILED)) {
                router.emit(FAILED, "failed", NO_FIELDS, NO_FIELDS);
            }
        }, "triggering");
        try {
            triggering.start();
            triggering.join(60_000);
            router.flush();
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
            router.close();
        }

        List<Path> files = snapshots(dir);
        assertEquals(1, files.size(), "one snapshot, for the one trigger");
        List<Map<String, Object>> lines = lines(files.get(0));
        List<Map<String, Object>> events = lines.subList(1, lines.size());
        Map<?, ?> trigger = (Map<?, ?>) lines.get(0).get("trigger");
        assertEquals("triggering", trigger.get("thread"));
        long triggerSeq = ((BigDecimal) trigger.get("seq")).longValueExact();
        long previous = -1;
        int before = 0;
        int debug = 0;
        boolean holdsTrigger = false;
        for (Map<String, Object> e : events) {
            long seq = ((BigDecimal) e.get("seq")).longValueExact();
            assertTrue(seq > previous, "seq " + seq + " after " + previous);
            previous = seq;
            before += seq < triggerSeq ? 1 : 0;
            holdsTrigger |= seq == triggerSeq;
            debug += "DEBUG".equals(e.get("severity")) ? 1 : 0;
        }
        String figures = dir + ": " + events.size() + " events, " + before + " before the trigger, header " + lines.get(0);
        assertTrue(holdsTrigger, "holds its trigger; " + figures);
        assertTrue(events.size() >= minEvents, figures);
        assertTrue(before >= minBefore, figures);
        assertTrue(debug >= minBefore, "DEBUG events are kept; " + figures);
    }

    private static String config(Path dir, int capacity, String sinks) {
        return "{\"sinks\": {\"timeline\": {\"type\": \"time-travel\", \"capacity\": " + capacity + "},"
                + " \"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"directory\": \""
                + dir.toString().replace("\\", "\\\\") + "\", \"triggers\": [\"WORK_FAILED\"], \"onShutdown\": false}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": " + sinks + "}]}";
    }
}
