package dev.signals.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing one provider among several: by a property naming it, else by priority, and saying which. */
class ProvidersTest {

    /** The service: what the class path offers several of. */
    public interface Backend {
        int priority();
    }

    public static final class Low implements Backend {
        @Override
        public int priority() {
            return 1;
        }
    }

    public static final class High implements Backend {
        @Override
        public int priority() {
            return 5;
        }
    }

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private Backend choose(Path dir, String forced) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Backend.class.getName()), Low.class.getName() + "\n" + High.class.getName() + "\n");
        ClassLoader onlyThese = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/") ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, onlyThese)) {
            return Providers.highest(Backend.class, loader, err, "backend", Backend::priority, forced);
        }
    }

    @Test
    void withoutAChoiceTheHighestPriorityWinsAndStderrSaysWhich(@TempDir Path dir) throws IOException {
        assertInstanceOf(High.class, choose(dir, null));
        String said = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("several backend providers found") && said.contains("using " + High.class.getName()), said);
    }

    @Test
    void aPropertyNamingOneChoosesItOverPriority(@TempDir Path dir) throws IOException {
        assertInstanceOf(Low.class, choose(dir, " " + Low.class.getName() + " "));
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8), "a choice made is not reported as a conflict");
    }

    @Test
    void aPropertyNamingNoneFoundIsSaidAndThePriorityDecides(@TempDir Path dir) throws IOException {
        assertInstanceOf(High.class, choose(dir, "com.example.Missing"));
        String said = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("com.example.Missing asked for is not on the class path"), said);
    }

    @Test
    void noneAtAllIsNull(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertNull(Providers.highest(Backend.class, loader, err, "backend", Backend::priority, Low.class.getName()));
        }
    }
}
