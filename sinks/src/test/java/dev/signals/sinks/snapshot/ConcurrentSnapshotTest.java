package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.sinks.testing.JsonLines;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots taken while four threads emit without pause are consistent windows that hold their trigger. */
class ConcurrentSnapshotTest {

    private static final Signal WORK = Signal.of("WORK_DONE", Severity.DEBUG);
    private static final Signal WORK_FAILED = Signal.of("WORK_FAILED", Severity.ERROR);
    private static final int EMITTERS = 4;

    @Test
    @Timeout(120)
    void everySnapshotIsAConsistentWindowWithItsTrigger(@TempDir Path dir) throws Exception {
        Router router = new Router();
        router.configure(SnapshotSinkTest.config(dir, "\"triggers\": [\"WORK_FAILED\"], \"cooldownMs\": 0,"
                + " \"maxFiles\": 1000, \"maxSnapshotsPerMinute\": 100000"), "concurrent.json");
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(EMITTERS);
        List<Thread> emitters = new ArrayList<>();
        for (int t = 0; t < EMITTERS; t++) {
            int emitter = t;
            Thread thread = new Thread(() -> {
                started.countDown();
                for (long n = 0; !stop.get(); n++) {
                    // Every 5000th event of each thread is a trigger, emitted like any other.
                    Signal signal = n % 5_000 == 4_999 ? WORK_FAILED : WORK;
                    router.dispatch(Event.builder(signal).message("item " + n)
                            .fields(Field.of("emitter", emitter), Field.of("n", n), Field.of("payload", "p".repeat((int) (n % 40))))
                            .build());
                }
            }, "emitter-" + t);
            thread.start();
            emitters.add(thread);
        }
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int i = 0; snapshots(dir).size() < 40; i++) {
                router.snapshot("request-" + i);
                if (i % 4 == 3) {
                    router.flush();
                }
            }
        } finally {
            stop.set(true);
            for (Thread t : emitters) {
                t.join(10_000);
            }
            router.close();
        }

        int withSignalTrigger = 0;
        for (Path file : snapshots(dir)) {
            List<Map<String, Object>> lines = lines(file); // strict: one whole JSON object per line
            Map<String, Object> header = lines.get(0);
            List<Map<String, Object>> events = lines.subList(1, lines.size());
            assertEquals(BigDecimal.valueOf(events.size()), header.get("events"), file.toString());
            assertTrue(events.size() <= 1_000 + 1, "at most the capacity, plus a trigger the buffer had not seen");
            long previous = -1;
            Map<Object, Long> lastPerEmitter = new HashMap<>();
            List<Long> seqs = new ArrayList<>();
            for (Map<String, Object> e : events) {
                long seq = ((BigDecimal) e.get("seq")).longValueExact();
                assertTrue(seq > previous, file + ": seq " + seq + " after " + previous);
                previous = seq;
                seqs.add(seq);
                if (e.get("emitter") == null) {
                    continue; // the router's own CONFIG_APPLIED event
                }
                long n = ((BigDecimal) e.get("n")).longValueExact();
                assertEquals("item " + n, e.get("message"));
                assertEquals("p".repeat((int) (n % 40)), e.get("payload"));
                assertEquals("emitter-" + e.get("emitter"), e.get("thread"));
                Long before = lastPerEmitter.put(e.get("emitter"), n);
                assertTrue(before == null || n > before, "each thread's events in its order");
            }
            Map<String, Object> trigger = JsonLines.obj(header.get("trigger"));
            if ("signal".equals(trigger.get("kind"))) {
                withSignalTrigger++;
                long triggerSeq = ((BigDecimal) trigger.get("seq")).longValueExact();
                assertTrue(seqs.contains(triggerSeq), file + " holds its trigger " + triggerSeq);
                assertEquals("WORK_FAILED", trigger.get("signal"));
            }
        }
        assertTrue(withSignalTrigger > 0, "some snapshots were triggered by WORK_FAILED from the emitting threads");
    }
}
