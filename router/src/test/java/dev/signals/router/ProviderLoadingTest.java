package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.router.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One broken sink factory costs its own type, never logging as a whole. */
class ProviderLoadingTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void brokenServiceEntriesAreSkippedAndTheOthersLoad(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("dev.signals.router.spi.SinkFactory"), String.join("\n",
                "com.example.MissingFactory",
                ThrowingSinkFactory.class.getName(),
                "com.example.AlsoMissing",
                RecordingSinkFactory.class.getName(),
                ""));
        // Only the listed entries: a parent that sees no services file.
        ClassLoader parent = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.startsWith("META-INF/") ? null : super.getResource(name);
            }

            @Override
            public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
                return name.startsWith("META-INF/") ? java.util.Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, parent)) {
            SinkFactories factories = SinkFactories.load(loader, err);
            assertNotNull(factories.get("test-recording"), "the good factory after the broken ones loads");
            assertNull(factories.get("never"));
        }
        String said = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(3, said.lines().filter(l -> l.contains("sink factory provider failed to load and is skipped")).count(), said);
        assertTrue(said.contains("com.example.MissingFactory"), said);
        assertTrue(said.contains(ThrowingSinkFactory.class.getName()), said);
    }

    @Test
    void aFactoryFailingWithALinkageErrorIsALocatedConfigErrorAndTheRoutesInForceStay() {
        Router router = new Router(err, System::nanoTime);
        router.configure("{\"sinks\": {\"rec\": {\"type\": \"test-recording\", \"id\": \"provider-kept\"}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"rec\"]}]}", "good");
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(
                "{\"sinks\": {\"broken\": {\"type\": \"test-linkage\"}},"
                        + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"broken\"]}]}", "bad"));
        assertTrue(e.getMessage().contains("cannot create sink 'broken'"), e.getMessage());
        assertTrue(e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad:"), e.getMessage());
        router.dispatch(Event.builder(Signal.of("PROVIDER_AFTER")).build());
        RecordingSink kept = RecordingSinkFactory.MADE.get("provider-kept");
        assertFalse(kept.closed.get());
        assertTrue(kept.events().stream().anyMatch(ev -> ev.signal().name().equals("PROVIDER_AFTER")));
        router.close();
    }

    @Test
    void theGlobalSetUpFallsBackToTheDefaultWhenAFactoryFailsWithALinkageError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("signals.json");
        Files.writeString(config, "{\"sinks\": {\"broken\": {\"type\": \"test-linkage\"}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"broken\"]}]}");
        Router router = new Router(err, System::nanoTime);
        assertEquals("<default>", GlobalRouter.configure(router, config.toString(), null, getClass().getClassLoader()));
        String said = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("config refused, using the built-in default") && said.contains("NoClassDefFoundError"), said);
        router.close();
    }
}
