package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.router.delivery.DropReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadTest {

    private static final Signal ORDER = Signal.of("RELOAD_ORDER");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Router router = new Router(new PrintStream(err, true, StandardCharsets.UTF_8), System::nanoTime);

    private static String config(String interval, String sinkId, String pattern) {
        return "{\"reloadIntervalMs\": " + interval + ", \"sinks\": {\"main\": {\"type\": \"test-recording\", \"id\": \"" + sinkId + "\"},"
                + " \"watch\": {\"type\": \"test-recording\", \"id\": \"reload-watch\"}},"
                + " \"routes\": [{\"signals\": [\"" + pattern + "\"], \"sinks\": [\"main\"]},"
                + " {\"signals\": [\"CONFIG_*\"], \"sinks\": [\"watch\"]}]}";
    }

    /**
     * The sink a reload retires is closed only after the delivery into it that was running when
     * the routes changed has returned: the event arrives, and nothing is counted as dropped.
     */
    @Test
    void aRetiredSinkIsClosedOnlyAfterTheDeliveryRunningThroughTheOldRoutesReturns() throws Exception {
        String retiring = "{\"shutdownTimeoutMs\": 60000, \"sinks\": {\"main\": {\"type\": \"test-recording\", \"id\": \"retire-old\"}},"
                + " \"routes\": [{\"signals\": [\"RELOAD_*\"], \"sinks\": [\"main\"]}]}";
        router.configure(retiring, "old.json");
        RecordingSink old = RecordingSinkFactory.MADE.get("retire-old");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        old.onAccept = e -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        };
        Thread held = new Thread(() -> router.dispatch(Event.builder(ORDER).message("held").build()), "held-delivery");
        held.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS), "the delivery is inside the old sink");

        Thread reload = new Thread(() -> router.configure(retiring.replace("retire-old", "retire-new"), "new.json"), "reload");
        reload.start();
        RecordingSink replacement = polled(() -> RecordingSinkFactory.MADE.get("retire-new"));
        polled(() -> {
            router.dispatch(Event.builder(ORDER).message("probe").build());
            return replacement.events().isEmpty() ? null : Boolean.TRUE;
        });
        // The new routes are in force and the delivery through the old ones is still running:
        // the reload must be waiting for it, not closing the sink under it.
        reload.join(500);
        assertTrue(reload.isAlive(), "the reload waits for the running delivery");
        assertFalse(old.closed.get(), "the retired sink is not closed while a delivery is inside it");

        release.countDown();
        held.join();
        reload.join();
        assertTrue(old.closed.get(), "closed once the delivery returned");
        assertEquals(List.of("held"), old.events().stream().map(Event::message).toList());
        assertEquals(0, router.stats().dropped(DropReason.SHUTDOWN), router.stats().toString());
    }

    /** Polls {@code value} until it is not null, for at most ten seconds. */
    private static <T> T polled(java.util.function.Supplier<T> value) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (T got; ; java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L)) {
            if ((got = value.get()) != null) {
                return got;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not seen within 10 s");
            }
        }
    }

    @Test
    void anEditIsAppliedAndUnchangedSinksKeepRunning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.json");
        Files.writeString(file, config("0", "reload-main", "RELOAD_*"));
        router.configure(file);
        RecordingSink main = RecordingSinkFactory.MADE.get("reload-main");
        RecordingSink watch = RecordingSinkFactory.MADE.get("reload-watch");
        Files.writeString(file, config("0", "reload-main", "NOTHING_*"));
        router.checkConfigNow();
        router.dispatch(Event.builder(ORDER).build());
        assertTrue(main.events().stream().noneMatch(e -> e.signal() == ORDER), "the new routes are in force");
        assertSame(main, RecordingSinkFactory.MADE.get("reload-main"), "unchanged sink kept");
        assertFalse(main.closed.get());
        assertSame(watch, RecordingSinkFactory.MADE.get("reload-watch"));
    }

    @Test
    void aRejectedEditIsReportedAndTheOldRoutesStay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.json");
        Files.writeString(file, config("0", "reject-main", "RELOAD_*"));
        router.configure(file);
        RecordingSink watch = RecordingSinkFactory.MADE.get("reload-watch");
        Files.writeString(file, config("0", "reject-main", "RELOAD_*").replace("\"sinks\": [\"main\"]", "\"sinks\": [\"mian\"]"));
        router.checkConfigNow();
        router.checkConfigNow();
        router.dispatch(Event.builder(ORDER).build());
        assertEquals(1, RecordingSinkFactory.MADE.get("reject-main").events().stream().filter(e -> e.signal() == ORDER).count());
        var rejected = watch.events().stream().filter(e -> e.signal() == RouterSignals.CONFIG_REJECTED).toList();
        assertEquals(1, rejected.size(), "reported once, not at every check");
        assertTrue(rejected.get(0).field("problem").stringValue().contains("no sink named 'mian'"));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("refused") && stderr.contains(file.toString()), stderr);
    }

    @Test
    void routerStatsAreEmittedAtTheConfiguredInterval() throws Exception {
        CountDownLatch stats = new CountDownLatch(2);
        router.route("ROUTER_STATS", e -> {
            if (e.field("routed") != null) {
                stats.countDown();
            }
        });
        router.configure("{\"statsIntervalMs\": 10, \"sinks\": {\"a\": {\"type\": \"test-recording\"}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"a\"]}]}", "stats.json");
        assertTrue(stats.await(30, TimeUnit.SECONDS), "ROUTER_STATS events arrive");
        router.close();
    }

    @Test
    void theFileIsWatchedAtTheConfiguredInterval(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.json");
        Files.writeString(file, config("20", "watched-main", "RELOAD_*"));
        router.configure(file);
        CountDownLatch applied = new CountDownLatch(1);
        router.route("CONFIG_APPLIED", e -> applied.countDown());
        Files.writeString(file, config("20", "watched-main", "OTHER_*"));
        assertTrue(applied.await(30, TimeUnit.SECONDS), "the edit was picked up by the watcher");
        router.close();
    }
}
