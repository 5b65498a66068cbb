package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the global router finds its config: property, then environment, then class path, then default. */
class GlobalConfigLocationTest {

    private static final String ONE_SINK = "{\"reloadIntervalMs\": 0, \"sinks\": {\"%s\": {\"type\": \"test-recording\"}},"
            + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"%s\"]}]}";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Router router = new Router(new PrintStream(err, true, StandardCharsets.UTF_8), System::nanoTime);

    private static Path write(Path dir, String name, String sink) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.format(ONE_SINK, sink, sink));
        return file;
    }

    private static ClassLoader classPathWith(Path dir) throws Exception {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    @Test
    void thePropertyComesFirst(@TempDir Path dir) throws Exception {
        Path prop = write(dir, "prop.json", "from-property");
        Path env = write(dir, "env.json", "from-env");
        assertEquals(prop.toString(), GlobalRouter.configure(router, prop.toString(), env.toString(), getClass().getClassLoader()));
        assertTrue(router.stats().sinks().containsKey("from-property"));
    }

    @Test
    void thenTheEnvironment(@TempDir Path dir) throws Exception {
        Path env = write(dir, "env.json", "from-env");
        assertEquals(env.toString(), GlobalRouter.configure(router, null, env.toString(), getClass().getClassLoader()));
        assertTrue(router.stats().sinks().containsKey("from-env"));
    }

    @Test
    void thenTheClassPath(@TempDir Path dir) throws Exception {
        write(dir, "signals.json", "from-classpath");
        assertEquals("classpath:signals.json", GlobalRouter.configure(router, " ", null, classPathWith(dir)));
        assertTrue(router.stats().sinks().containsKey("from-classpath"));
    }

    @Test
    void thenTheDefaultWhichNeedsTheConsoleSinkType(@TempDir Path dir) throws Exception {
        assertEquals("<default>", GlobalRouter.configure(router, null, null, classPathWith(dir)));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("unknown sink type 'console'") && stderr.contains("dev.signals:sinks"), stderr);
    }

    @Test
    void aBrokenFileFallsBackToTheDefaultWithALocatedMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"sinks\": {\"a\": {\"type\": \"test-recording\", \"queue\": 1}}\n}");
        assertEquals("<default>", GlobalRouter.configure(router, bad.toString(), null, classPathWith(dir)));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains(bad + ":2:") && stderr.contains("unknown key 'queue'"), stderr);
    }
}
