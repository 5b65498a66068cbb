package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logback and this module both on the class path, Logback first, so SLF4J binds to Logback:
 * the JDK's System.Logger must follow SLF4J's choice instead of splitting the application's
 * logging between two backends, and Signals says so once on stderr.
 */
class TwoProvidersTest {

    @Test
    void withAnotherProviderChosenSystemLoggerFollowsSlf4jAndSignalsSaysSo(@TempDir Path dir) throws Exception {
        List<String> logbackFirst = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            (entry.contains("logback") ? logbackFirst : rest).add(entry);
        }
        logbackFirst.addAll(rest);
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, logbackFirst), TwoProvidersMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("logger=Slf4jSystemLogger signals=0"), "System.Logger went to SLF4J's Logback, not to"
                + " Signals: " + output);
        assertTrue(output.contains("com.example.jdk -- from System.Logger one"), "Logback wrote the JDK logger's line,"
                + " formatted: " + output);
        assertEquals(1, output.lines().filter(l -> l.startsWith("Signals: SLF4J is bound to ch.qos.logback")).count(),
                "said once, plainly: " + output);
    }
}
