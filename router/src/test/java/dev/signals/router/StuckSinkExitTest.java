package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sink that never finishes closing cannot keep the JVM alive past the shutdown deadline. */
class StuckSinkExitTest {

    private static final long SHUTDOWN_TIMEOUT_MS = 1_000;

    @Test
    void theJvmExitsWithinTheShutdownTimeoutAndSaysWhatWasLeft(@TempDir Path dir) throws Exception {
        Path errFile = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StuckSinkExitMain.class.getName(),
                Long.toString(SHUTDOWN_TIMEOUT_MS))
                .redirectError(errFile.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("EXITING"));
            assertEquals("EXITING", line, "the child reached System.exit; stderr: " + Files.readString(errFile));
            boolean exited = child.waitFor(SHUTDOWN_TIMEOUT_MS + 2_000, TimeUnit.MILLISECONDS);
            if (!exited) {
                child.destroyForcibly().waitFor();
            }
            String err = Files.readString(errFile);
            assertTrue(exited, "the JVM outlived the shutdown deadline by more than 2 s; stderr: " + err);
            assertEquals(0, child.exitValue(), err);
            assertTrue(err.contains("sink 'sync-never-closes' did not finish closing"), err);
            assertTrue(err.contains("sink 'async-never-closes' did not finish closing"), err);
            assertTrue(err.contains("'async-stuck-in-accept'"), err);
            assertTrue(err.contains("sink 'sync-stuck-in-accept' did not finish closing"), err);
        } finally {
            child.destroyForcibly();
        }
    }
}
