package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global router's shutdown hook drains queued events when the JVM exits. */
class ShutdownHookTest {

    @Test
    void eventsQueuedAtExitReachTheSink(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("events.txt");
        int events = 20_000;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownHookMain.class.getName(), out.toString(),
                Integer.toString(events))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not exit");
        }
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.log")));
        List<String> lines = Files.readAllLines(out);
        assertEquals(events, lines.size(), "every queued event was delivered by the hook");
        for (int i = 0; i < events; i++) {
            assertEquals(Integer.toString(i), lines.get(i));
        }
    }
}
