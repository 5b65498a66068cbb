package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two million distinct signal names, each routed once, in a JVM with a 96 MB heap: names and
 * route caches must not keep every name ever declared, and a new name must cost O(1).
 */
class ManyNamesTest {

    @Test
    void twoMillionNamesAreRoutedInASmallHeap(@TempDir Path dir) throws Exception {
        int names = 2_000_000;
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-cp", System.getProperty("java.class.path"), ManyNamesMain.class.getName(),
                Integer.toString(names))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!child.waitFor(180, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("names 2000000, counted 2000000,"), output);
        assertEquals(1, output.lines().filter(l -> l.contains("signal names declared")).count(),
                "the limit is announced once: " + output);
    }
}
