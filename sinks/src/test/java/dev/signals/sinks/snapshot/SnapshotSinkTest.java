package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.sequences;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.sinks.testing.Eventually;
import dev.signals.sinks.testing.JsonLines;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot sink configured through a real router, writing real files. */
class SnapshotSinkTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    private static final Signal CACHE_MISS = Signal.of("CACHE_MISS", Severity.DEBUG);
    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    private static final Signal PAYMENT_RETRIED = Signal.of("PAYMENT_RETRIED", Severity.WARN);
    private static final Signal SLOW_QUERY = Signal.of("SLOW_QUERY", Severity.WARN);

    @TempDir
    Path dir;

    private final Router router = new Router();

    @AfterEach
    void close() {
        router.close();
    }

    static String quoted(Object text) {
        return "\"" + text.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A config with a time-travel buffer and a snapshot sink (with {@code options} added), both routed {@code *}. */
    static String config(Path snapshotDir, String options) {
        return "{\n \"sinks\": {\n"
                + "  \"timeline\": {\"type\": \"time-travel\", \"capacity\": 1000},\n"
                + "  \"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"directory\": " + quoted(snapshotDir)
                + (options.isEmpty() ? "" : ", " + options) + "}\n },\n"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"timeline\", \"snapshots\"]}]\n}\n";
    }

    private Event emit(Signal signal, String message, Field... fields) {
        Event e = Event.builder(signal).message(message).fields(fields).build();
        router.dispatch(e);
        return e;
    }

    private static long seq(Map<String, Object> line) {
        return ((BigDecimal) line.get("seq")).longValueExact();
    }

    @Test
    void aTriggerWritesTheWindowUpToTheTriggerAndTheBufferKeepsIt() {
        Path out = dir.resolve("snaps");
        router.configure(config(out, "\"triggers\": [\"PAYMENT_FAILED\"], \"service\": \"orders\""), "t.json");
        List<Event> emitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            emitted.add(emit(CACHE_MISS, "miss", Field.of("i", i)));
            emitted.add(emit(ORDER_CREATED, "created", Field.of("order_id", "o-" + i)));
        }
        Event trigger = emit(PAYMENT_FAILED, "declined", Field.of("order_id", "o-4"));
        router.flush();

        List<Path> files = snapshots(out);
        assertEquals(1, files.size(), files.toString());
        String name = files.get(0).getFileName().toString();
        assertTrue(name.matches("signals-" + ProcessHandle.current().pid() + "-\\d{8}T\\d{6}\\.\\d{3}Z-payment_failed\\.jsonl\\.lz4"), name);

        List<Map<String, Object>> lines = lines(files.get(0));
        Map<String, Object> header = lines.get(0);
        assertEquals("signals-snapshot/1", header.get("format"));
        assertEquals("PAYMENT_FAILED", header.get("reason"));
        assertEquals("orders", header.get("service"));
        assertEquals(BigDecimal.valueOf(ProcessHandle.current().pid()), header.get("pid"));
        assertEquals(BigDecimal.valueOf(1000), header.get("capacity"));
        assertEquals(BigDecimal.valueOf(lines.size() - 1), header.get("events"));
        assertEquals(BigDecimal.ZERO, header.get("lost_before_window"));
        assertTrue(((String) header.get("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        Map<String, Object> t = JsonLines.obj(header.get("trigger"));
        assertEquals("signal", t.get("kind"));
        assertEquals(BigDecimal.valueOf(trigger.sequence()), t.get("seq"));
        assertEquals("PAYMENT_FAILED", t.get("signal"));
        assertEquals("ERROR", t.get("severity"));

        // The events: the config event, the ten emitted (DEBUG included), the trigger last.
        List<Map<String, Object>> events = lines.subList(1, lines.size());
        List<Long> seqs = events.stream().map(SnapshotSinkTest::seq).collect(Collectors.toList());
        for (Event e : emitted) {
            assertTrue(seqs.contains(e.sequence()), "event " + e + " in " + seqs);
        }
        assertEquals(trigger.sequence(), seqs.get(seqs.size() - 1));
        Map<String, Object> last = events.get(events.size() - 1);
        assertEquals("declined", last.get("message"));
        assertEquals("o-4", last.get("order_id"));
        assertTrue(events.stream().anyMatch(e -> "DEBUG".equals(e.get("severity"))));

        // The buffer was copied, not drained: a second snapshot holds the same events and more.
        assertEquals(1, router.snapshot("again"));
        router.flush();
        Path second = snapshots(out).stream().filter(p -> p.toString().contains("-again")).findFirst().orElseThrow();
        assertTrue(sequences(second).containsAll(seqs));
    }

    @Test
    void triggersArePatternsOrASeverityAndOtherEventsTriggerNothing() {
        Path out = dir.resolve("snaps");
        router.configure(config(out, "\"triggers\": [\"PAYMENT_*\"], \"triggerSeverity\": \"ERROR\", \"cooldownMs\": 0"), "t.json");
        emit(ORDER_CREATED, "created");
        emit(SLOW_QUERY, "slow");
        router.flush();
        assertEquals(List.of(), snapshots(out), "INFO and WARN outside the patterns trigger nothing");
        emit(PAYMENT_RETRIED, "retry");          // WARN, but matches PAYMENT_*
        emit(Signal.ERROR, "boom");              // ERROR by severity
        router.flush();
        List<String> names = snapshots(out).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("-payment_retried.jsonl.lz4")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("-error.jsonl.lz4")), names.toString());
    }

    @Test
    void aRequestThroughTheRouterWritesASnapshotNamedForItsReason() {
        Path out = dir.resolve("snaps");
        router.configure(config(out, ""), "t.json");
        emit(ORDER_CREATED, "created");
        assertEquals(1, router.snapshot("Deploy check #7 / eu-west"));
        router.flush();
        List<Path> files = snapshots(out);
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().endsWith("-deploy_check_7_eu-west.jsonl.lz4"), files.toString());
        Map<String, Object> header = lines(files.get(0)).get(0);
        assertEquals("Deploy check #7 / eu-west", header.get("reason"), "the header keeps the reason as given");
        assertEquals("request", JsonLines.obj(header.get("trigger")).get("kind"));
        assertEquals(0, router.snapshot("Deploy check #7 / eu-west"), "cooling down");
    }

    @Test
    void debugEventsAreKeptWhileTheConsoleShowsOnlyInfo() throws Exception {
        Path out = dir.resolve("snaps");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            router.configure("{\"sinks\": {"
                    + "\"console\": {\"type\": \"console-json\", \"minSeverity\": \"INFO\"},"
                    + "\"timeline\": {\"type\": \"time-travel\"},"
                    + "\"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"directory\": " + quoted(out) + "}},"
                    + "\"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"console\", \"timeline\", \"snapshots\"]}]}", "c.json");
            Event debug = emit(CACHE_MISS, "cache miss", Field.of("key", "k1"));
            Event trace = emit(Signal.TRACE, "entering");
            Event info = emit(ORDER_CREATED, "created");
            router.snapshot("look");
            router.flush();
        } finally {
            System.setOut(stdout);
        }
        List<String> consoleLines = JsonLines.lines(console.toString(StandardCharsets.UTF_8));
        assertTrue(consoleLines.stream().anyMatch(l -> l.contains("\"ORDER_CREATED\"")), consoleLines.toString());
        assertTrue(consoleLines.stream().noneMatch(l -> l.contains("\"DEBUG\"") || l.contains("\"TRACE\"")), consoleLines.toString());
        List<Map<String, Object>> snap = lines(snapshots(out).get(0));
        List<Object> severities = snap.subList(1, snap.size()).stream().map(l -> l.get("severity")).collect(Collectors.toList());
        assertTrue(severities.containsAll(List.of("TRACE", "DEBUG", "INFO")), severities.toString());
    }

    @Test
    void theBuiltInDefaultKeepsEveryEventInATimeTravelBufferAndShowsInfoOnTheConsole() throws Exception {
        String defaults;
        try (InputStream in = Router.class.getResourceAsStream("/dev/signals/router/default-signals.json")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            router.configure(defaults, "<default>");
            emit(CACHE_MISS, "cache miss");
            emit(Signal.TRACE, "entering");
            emit(ORDER_CREATED, "created");
            router.flush();
        } finally {
            System.setOut(stdout);
        }
        assertEquals(4, router.stats().sink("timeline").delivered(), "TRACE and DEBUG kept, with the two INFO events");
        String shown = console.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("ORDER_CREATED") && !shown.contains("CACHE_MISS") && !shown.contains("entering"), shown);
    }

    @Test
    void filesAreOwnerOnlyAndACreatedDirectoryToo() throws Exception {
        Path out = dir.resolve("a/b/snaps");
        router.configure(config(out, ""), "t.json");
        router.snapshot("perm");
        router.flush();
        Path file = snapshots(out).get(0);
        if (OwnerOnly.isPosix(file.getFileSystem())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            for (Path d : List.of(dir.resolve("a"), dir.resolve("a/b"), out)) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
            }
        }
        assertEquals(List.of(file.getFileName().toString()), SnapshotTesting.entries(out), "no temporary file left");
    }

    @Test
    void anExistingDirectoryKeepsItsPermissions() throws Exception {
        Path out = Files.createDirectory(dir.resolve("shared"));
        if (!OwnerOnly.isPosix(out.getFileSystem())) {
            return;
        }
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-x---"));
        router.configure(config(out, ""), "t.json");
        router.snapshot("perm");
        router.flush();
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(snapshots(out).get(0))));
    }

    @Test
    void snapshotsInTheSameMillisecondNeverShareAName() {
        Path out = dir.resolve("snaps");
        router.configure(config(out, "\"cooldownMs\": 0, \"maxFiles\": 1000, \"maxSnapshotsPerMinute\": 1000"), "t.json");
        emit(ORDER_CREATED, "created");
        int started = 0;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 3; i++) {
                started += router.snapshot("burst");
            }
            router.flush(); // the writer holds at most a few pending snapshots
        }
        assertEquals(30, started);
        List<Path> files = snapshots(out);
        assertEquals(30, files.size(), files.toString());
        assertEquals(30, files.stream().map(Path::getFileName).distinct().count());
    }

    @Test
    void aFailingDirectoryIsReportedAndNeverReachesTheEmittingThread() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        TimeTravelSink buffer = new TimeTravelSink(10);
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        SnapshotSink sink;
        try {
            sink = new SnapshotSink("broken", buffer, SnapshotOptions.builder(blocker.resolve("snaps")).triggers("*").build());
            sink.accept(Event.builder(ORDER_CREATED).build()); // no exception here
            sink.flush();
            sink.close();
        } finally {
            System.setErr(stderr);
        }
        assertEquals(1, sink.stats().failed());
        assertEquals(0, sink.stats().written());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("snapshot sink 'broken' could not write"), err.toString());
        assertEquals(List.of("not-a-dir"), SnapshotTesting.entries(dir));
    }

    @Test
    void afterCloseNoSnapshotStarts() {
        TimeTravelSink buffer = new TimeTravelSink(10);
        SnapshotSink sink = new SnapshotSink(buffer, SnapshotOptions.builder(dir).build());
        sink.close();
        sink.close();
        assertFalse(sink.snapshot("late"));
        sink.accept(Event.builder(Signal.ERROR).build());
        assertEquals(List.of(), snapshots(dir));
    }

    @Test
    void periodicSnapshotsComeAtTheInterval() {
        Path out = dir.resolve("snaps");
        router.configure(config(out, "\"intervalMs\": 1000"), "t.json");
        emit(ORDER_CREATED, "created");
        Eventually.until(() -> snapshots(out).size() >= 2, Duration.ofSeconds(30), "two periodic snapshots");
        Map<String, Object> header = lines(snapshots(out).get(0)).get(0);
        assertEquals("interval", header.get("reason"));
        assertEquals("interval", JsonLines.obj(header.get("trigger")).get("kind"));
        assertNotNull(header.get("host"));
    }
}
