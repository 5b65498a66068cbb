package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What other shutdown hooks log while Signals shuts down is delivered, or counted and said. */
class OtherHookTest {

    @Test
    void anotherHooksEventsAreWrittenOrReported(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("stopped.txt");
        Path err = dir.resolve("stderr.txt");
        int events = 1_000;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherHookMain.class.getName(), out.toString(),
                Integer.toString(events))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        String stderr = Files.readString(err);
        assertTrue(exited, stderr);
        assertEquals(0, child.exitValue(), stderr);
        List<String> lines = Files.readAllLines(out);
        boolean reported = stderr.contains("emitted after the router closed")
                || stderr.contains("sink 'stopped-file' is closed");
        assertTrue(lines.size() == events || reported,
                lines.size() + " of " + events + " lines written and nothing said on stderr: " + stderr);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(Integer.toString(i), lines.get(i), "written in order, none lost in between");
        }
    }
}
