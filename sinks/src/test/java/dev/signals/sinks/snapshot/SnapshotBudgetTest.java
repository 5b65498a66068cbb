package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget across reasons: distinct reasons pass the per-reason cool-down, not the budget. */
class SnapshotBudgetTest {

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private SnapshotSink sink(int perMinute, long bytesPerMinute) {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.accept(Event.builder(Signal.INFO).message("something happened").build());
        return new SnapshotSink(buffer, SnapshotOptions.builder(dir).budget(perMinute, bytesPerMinute)
                .nanoTime(clock::get).build());
    }

    /** Asks for a snapshot and waits for it to be written: the writer's queue (4) is not what is tested here. */
    private static boolean take(SnapshotSink sink, String reason) {
        boolean started = sink.snapshot(reason);
        sink.flush();
        return started;
    }

    private int announcements() {
        return stderr.toString(StandardCharsets.UTF_8).split("is over its budget", -1).length - 1;
    }

    @Test
    void fiveHundredDistinctReasonsWriteTheBudgetAndCountTheRestByReason() {
        SnapshotSink sink = sink(10, Long.MAX_VALUE);
        try {
            int started = 0;
            for (int i = 0; i < 500; i++) {
                started += take(sink, "request-" + i) ? 1 : 0;
            }
            sink.flush();
            assertEquals(10, started);
            assertEquals(10, snapshots(dir).size());
            SnapshotStats stats = sink.stats();
            assertEquals(490, stats.overBudget());
            assertEquals(0, stats.coolingDown());
            assertEquals(ReasonCounts.MAX_REASONS + 1, stats.overBudgetByReason().size(), "bounded, with the rest under (other)");
            assertEquals(1L, stats.overBudgetByReason().get("request-10"));
            assertEquals(490L, stats.overBudgetByReason().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(1, announcements(), "said once, not 490 times: " + stderr);
        } finally {
            sink.close();
        }
    }

    @Test
    void oneReasonRepeatedIsStoppedByItsCooldownAndSpendsOneSnapshotOfTheBudget() {
        SnapshotSink sink = sink(10, Long.MAX_VALUE);
        try {
            for (int i = 0; i < 100; i++) {
                take(sink, "payment failed");
            }
            sink.flush();
            assertEquals(1, snapshots(dir).size());
            assertEquals(99, sink.stats().coolingDown());
            assertEquals(0, sink.stats().overBudget());
            assertTrue(take(sink, "another reason"), "the budget still has room");
        } finally {
            sink.close();
        }
    }

    @Test
    void theBudgetRefillsAMinuteAfterItWasSpent() {
        SnapshotSink sink = sink(3, Long.MAX_VALUE);
        try {
            for (int i = 0; i < 3; i++) {
                assertTrue(take(sink, "a" + i));
            }
            assertTrue(!take(sink, "b"), "spent");
            clock.addAndGet(Duration.ofSeconds(59).toNanos());
            assertTrue(!take(sink, "c"), "still within the minute");
            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            assertTrue(take(sink, "d"), "a minute after the first three started");
            assertTrue(take(sink, "e"));
            assertTrue(take(sink, "f"));
            assertTrue(!take(sink, "g"));
            sink.flush();
            assertEquals(6, snapshots(dir).size());
            assertEquals(3, sink.stats().overBudget());
            assertEquals(2, announcements(), "once per minute: " + stderr);
        } finally {
            sink.close();
        }
    }

    @Test
    void theBytesWrittenInTheLastMinuteAreABudgetToo() {
        SnapshotSink sink = sink(1_000, 1);
        try {
            assertTrue(take(sink, "first"));
            sink.flush(); // written: its bytes count from now
            assertTrue(!take(sink, "second"), "the minute's bytes are spent");
            clock.addAndGet(Duration.ofSeconds(61).toNanos());
            assertTrue(take(sink, "third"), "and come back a minute later");
            sink.flush();
            assertEquals(2, snapshots(dir).size());
            assertEquals(1L, sink.stats().overBudgetByReason().get("second"));
        } finally {
            sink.close();
        }
    }
}
