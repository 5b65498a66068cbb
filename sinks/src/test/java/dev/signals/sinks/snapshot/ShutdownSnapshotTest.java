package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a real JVM leaves on disk when it ends: run {@link ShutdownChild} in a child process. */
class ShutdownSnapshotTest {

    @TempDir
    Path dir;

    private String run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    private String run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ShutdownChild.class.getName());
        command.addAll(List.of(args));
        Path output = dir.resolve("child-output.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the child JVM did not end");
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static List<String> reasons(Path snapshots) {
        return snapshots(snapshots).stream().map(p -> (String) lines(p).get(0).get("reason")).sorted().collect(Collectors.toList());
    }

    @Test
    @Timeout(120)
    void systemExitLeavesAShutdownSnapshot() throws Exception {
        Path out = dir.resolve("snaps");
        String output = run("exit", out.toString());
        assertEquals(List.of("shutdown"), reasons(out), output);
        List<Map<String, Object>> lines = lines(snapshots(out).get(0));
        assertTrue(lines.stream().anyMatch(l -> "step before exit".equals(l.get("message"))), lines.toString());
    }

    @Test
    @Timeout(120)
    void aCrashInMainLeavesAnUncaughtExceptionSnapshotAndAShutdownSnapshot() throws Exception {
        Path out = dir.resolve("snaps");
        String output = run("crash", out.toString());
        assertTrue(output.contains("Exception in thread \"main\" java.lang.IllegalStateException: crash in main"), output);
        assertEquals(List.of("shutdown", "uncaught_exception"), reasons(out), output);
    }

    @Test
    @Timeout(120)
    void theGlobalRouterClosingAtShutdownRacesTheHookAndOneShutdownSnapshotLands() throws Exception {
        Path out = dir.resolve("snaps");
        Path config = dir.resolve("signals.json");
        Files.writeString(config, "{\"sinks\": {"
                + "\"timeline\": {\"type\": \"time-travel\"},"
                + "\"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"directory\": \""
                + out.toString().replace("\\", "\\\\") + "\", \"onShutdown\": true}},"
                + "\"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"timeline\", \"snapshots\"]}]}");
        String output = run(List.of("-Dsignals.config=" + config), "global");
        assertEquals(List.of("shutdown"), reasons(out), output);
        List<Map<String, Object>> lines = lines(snapshots(out).get(0));
        assertEquals(3, lines.stream().filter(l -> "global step".equals(l.get("message"))).count(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> "DEBUG".equals(l.get("severity"))), "DEBUG kept");
    }
}
