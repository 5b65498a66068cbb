package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Signal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
