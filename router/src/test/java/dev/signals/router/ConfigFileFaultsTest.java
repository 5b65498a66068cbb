package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.router.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config is read only from a regular file of bounded size, and its refusals quote none of its text. */
class ConfigFileFaultsTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Router router = new Router(new PrintStream(errBytes, true, StandardCharsets.UTF_8), System::nanoTime);

    private static Path fifo(Path dir) throws Exception {
        Path fifo = dir.resolve("signals.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mkfifo is not available");
            return null;
        }
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        return fifo;
    }

    @Test
    void aFifoIsRefusedAtOnceInsteadOfBlockingTheReader(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir);
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> router.configure(fifo)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aDirectoryAndAMissingFileAreRefused(@TempDir Path dir) {
        assertTrue(assertThrows(ConfigException.class, () -> router.configure(dir)).getMessage().contains("a directory"));
        assertThrows(ConfigException.class, () -> router.configure(dir.resolve("missing.json")));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        StringBuilder routes = new StringBuilder("{\"routes\": [");
        while (routes.length() <= ConfigFile.MAX_BYTES) {
            routes.append("{\"signals\": [\"A_*\"], \"sinks\": []},");
        }
        Files.writeString(big, routes.append("{}]}").toString());
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(big));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void aWatchedConfigReplacedByAFifoIsRefusedOnceAndTheTimerLivesOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.json");
        Files.writeString(file, "{\"reloadIntervalMs\": 0, \"statsIntervalMs\": 0}");
        router.configure(file);
        Files.delete(file);
        Path fifo = fifo(dir);
        Files.move(fifo, file);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 20; i++) {
                router.checkConfigNow();
            }
        });
        Files.delete(file);
        Files.writeString(file, "{\"reloadIntervalMs\": 0, \"sinks\": {\"r\": {\"type\": \"test-recording\","
                + " \"id\": \"config-fault-after\"}}, \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"r\"]}]}");
        router.checkConfigNow();
        assertFalse(router.routes().isEmpty(), "the next good edit is applied: the checks go on");
        String err = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, err.lines().filter(l -> l.contains("not a regular file")).count(), err);
    }

    @Test
    void aDeletedWatchedConfigIsReportedOncePerProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.json");
        Files.writeString(file, "{\"reloadIntervalMs\": 0}");
        router.configure(file);
        Files.delete(file);
        for (int i = 0; i < 20; i++) {
            router.checkConfigNow();
        }
        Files.createDirectory(file);
        for (int i = 0; i < 20; i++) {
            router.checkConfigNow();
        }
        List<String> refusals = errBytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("refused")).toList();
        assertEquals(2, refusals.size(), "one per distinct problem: " + refusals);
    }

    @Test
    void aRefusedConfigQuotesNoneOfItsText() {
        for (String bad : List.of(
                "{\"sinks\": {\"h\": {\"type\": \"http\", \"headers\": {\"Authorization\": Bearer sk_live_SECRET1}}}}",
                "{\"sinks\": {\"h\": {\"headers\": {\"Authorization\": sk_live_SECRET2}}}}",
                "{\"token\": 'sk_live_SECRET3'}",
                "{\"token\": \"sk_live_SECRET4\" sk_live_SECRET5}")) {
            ConfigException e = assertThrows(ConfigException.class, () -> router.configure(bad, "edited.json"));
            assertFalse(e.getMessage().contains("sk_live"), e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
            assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
            assertTrue(e.getCause() == null || !String.valueOf(e.getCause().getMessage()).contains("sk_live"));
        }
    }
}
