package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is logged while the global router is being configured is kept and delivered, and start-up never stalls. */
class StartupLoggingTest {

    @Test
    void eventsLoggedDuringConfigurationAreDeliveredOnceTheRoutesAreInForce(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("signals.json");
        Files.writeString(config, """
                {"sinks": {"rec": {"type": "test-recording", "id": "rec"}},
                 "routes": [{"signals": ["*"], "sinks": ["rec"]}]}
                """);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsignals.config=" + config, "-cp", System.getProperty("java.class.path"),
                StartupLoggingMain.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        String stderr = Files.readString(err);
        assertTrue(exited, "start-up stalled; stderr: " + stderr);
        assertEquals(0, child.exitValue(), stderr);
        assertFalse(stderr.contains("NullPointerException"), stderr);
        assertEquals("GOT [STARTUP_FIRST, STARTUP_FROM_FACTORY, STARTUP_FROM_OTHER_THREAD]",
                Files.readString(out).strip(), stderr);
    }
}
