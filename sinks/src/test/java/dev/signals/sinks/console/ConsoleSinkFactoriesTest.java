package dev.signals.sinks.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConsoleSinkFactoriesTest {

    private static final Event EVENT = Event.builder(Signal.of("FACTORY_TEST")).message("hello").epochMicros(0).build();

    /** Runs {@code body} with System.out and System.err captured; returns {out, err}. */
    private static String[] captured(ThrowingRunnable body) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            body.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void theFactoriesAreFoundThroughServiceLoader() {
        Set<String> types = new TreeSet<>();
        for (SinkFactory f : ServiceLoader.load(SinkFactory.class)) {
            types.add(f.type());
        }
        assertTrue(types.containsAll(Set.of("console", "console-json", "console-pretty")), types.toString());
    }

    @Test
    void consoleJsonWritesJsonToStdoutByDefault() throws Exception {
        FakeSettings settings = new FakeSettings("console-json", Map.of());
        String[] written = captured(() -> {
            Sink sink = new ConsoleJsonSinkFactory().create(settings.settings);
            assertInstanceOf(ConsoleJsonSink.class, sink);
            sink.accept(EVENT);
        });
        assertTrue(written[0].startsWith("{\"time\":\"1970-01-01T00:00:00.000000Z\""), written[0]);
        assertEquals("", written[1]);
        assertEquals(Set.of("stream"), settings.read);
    }

    @Test
    void streamStderrWritesToStderr() throws Exception {
        String[] written = captured(() -> new ConsoleJsonSinkFactory()
                .create(new FakeSettings("console-json", Map.of("stream", "stderr")).settings).accept(EVENT));
        assertEquals("", written[0]);
        assertTrue(written[1].contains("\"message\":\"hello\""), written[1]);
    }

    @Test
    void anUnknownStreamIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConsoleJsonSinkFactory().create(new FakeSettings("console-json", Map.of("stream", "stdlog")).settings));
    }

    @Test
    void consolePrettyReadsStreamAndColor() throws Exception {
        FakeSettings settings = new FakeSettings("console-pretty", Map.of("stream", "stderr", "color", false));
        String[] written = captured(() -> {
            Sink sink = new ConsolePrettySinkFactory().create(settings.settings);
            assertInstanceOf(ConsolePrettySink.class, sink);
            sink.accept(EVENT);
        });
        assertEquals("", written[0]);
        assertTrue(written[1].endsWith(" INFO  FACTORY_TEST hello\n"), written[1]);
        assertFalse(written[1].contains("\u001b"));
        assertEquals(Set.of("color", "stream"), settings.read);

        String[] coloured = captured(() -> new ConsolePrettySinkFactory()
                .create(new FakeSettings("console-pretty", Map.of("color", true)).settings).accept(EVENT));
        assertTrue(coloured[0].contains("\u001b["), coloured[0]);
    }

    @Test
    void aColorThatIsNotABooleanIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConsolePrettySinkFactory().create(new FakeSettings("console-pretty", Map.of("color", "yes")).settings));
    }

    @Test
    void consoleChoosesPrettyOnATerminalAndJsonOtherwise() throws Exception {
        Map<String, Object> options = new HashMap<>();
        options.put("color", false);
        FakeSettings onTerminal = new FakeSettings("console", options);
        FakeSettings piped = new FakeSettings("console", options);
        String[] written = captured(() -> {
            assertInstanceOf(ConsolePrettySink.class, ConsoleSinkFactory.create(onTerminal.settings, true));
            assertInstanceOf(ConsoleJsonSink.class, ConsoleSinkFactory.create(piped.settings, false));
        });
        assertEquals("", written[0] + written[1], "making a sink writes nothing");
        assertEquals(Set.of("color", "stream"), onTerminal.read);
        assertEquals(Set.of("color", "stream"), piped.read, "options are read either way");
        assertEquals("console", new ConsoleSinkFactory().type());
        assertEquals("console-json", new ConsoleJsonSinkFactory().type());
        assertEquals("console-pretty", new ConsolePrettySinkFactory().type());
    }

    @Test
    void theFactoriesNeverReadMinSeverity() throws Exception {
        Map<String, Object> options = Map.of("minSeverity", "WARN");
        for (SinkFactory factory : new SinkFactory[] {
                new ConsoleJsonSinkFactory(), new ConsolePrettySinkFactory(), new ConsoleSinkFactory()}) {
            FakeSettings settings = new FakeSettings(factory.type(), options);
            captured(() -> factory.create(settings.settings));
            assertFalse(settings.read.contains("minSeverity"), factory.type());
        }
    }
}
