package dev.signals.sinks.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.sinks.json.Limits;
import dev.signals.sinks.json.Unwritable;
import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both console sinks under values and throwables that fail: each event gets a line or fails alone. */
class ConsoleFaultsTest {

    private static final Signal SIG = Signal.of("CONSOLE_FAULTS", Severity.INFO);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Sink pretty = new ConsolePrettySink(out, false, ZoneOffset.UTC);
    private final Sink json = new ConsoleJsonSink(out);

    private static Event event(Field... fields) {
        return Event.builder(SIG).message("m").epochMicros(0).sequence(1).thread("main").fields(fields).build();
    }

    private String print(Sink sink, Event e) throws Exception {
        out.reset();
        sink.accept(e);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private static List<Throwable> failures() {
        return List.of(new IllegalStateException("x"), new Error("plain error"), new Exception("checked, thrown sneakily"),
                new NoClassDefFoundError("com/acme/Missing"), new ExceptionInInitializerError("init"));
    }

    /** A throwable every overridable accessor of which throws {@code failure}. */
    private static Throwable hostile(Throwable failure) {
        return new IllegalStateException("hidden", new java.io.IOException("cause")) {
            @Override
            public String getMessage() {
                ConsoleFaultsTest.<RuntimeException>sneakyThrow(failure);
                return null;
            }

            @Override
            public String getLocalizedMessage() {
                return getMessage();
            }

            @Override
            public String toString() {
                ConsoleFaultsTest.<RuntimeException>sneakyThrow(failure);
                return null;
            }

            @Override
            public StackTraceElement[] getStackTrace() {
                ConsoleFaultsTest.<RuntimeException>sneakyThrow(failure);
                return null;
            }

            @Override
            public synchronized Throwable getCause() {
                ConsoleFaultsTest.<RuntimeException>sneakyThrow(failure);
                return null;
            }
        };
    }

    private void nextEventsPrintWhole() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals("00:00:00.000 INFO  CONSOLE_FAULTS m n=" + i + "\n", print(pretty, event(Field.of("n", i))));
            Map<String, Object> line = JsonLines.parseLine(print(json, event(Field.of("n", i))));
            assertEquals("m", line.get("message"));
        }
    }

    @Test
    void aThrowableWhoseAccessorsThrowStillGivesAWholePrettyEvent() throws Exception {
        for (Throwable failure : failures()) {
            Throwable outer = new RuntimeException("outer", hostile(failure));
            String text = print(pretty, event(Field.error(hostile(failure)), Field.of("wrapped", outer), Field.of("after", 1)));
            String unwritable = Unwritable.text(failure);
            String[] lines = text.split("\n");
            assertTrue(lines[0].startsWith("00:00:00.000 INFO  CONSOLE_FAULTS m error="), text);
            assertTrue(lines[0].contains(": " + unwritable), text);
            assertTrue(lines[0].endsWith(" after=1"), text);
            assertTrue(text.contains("    Caused by: " + unwritable + "\n"), text);
            assertTrue(text.contains("        at " + unwritable + "\n"), text);
            assertTrue(text.contains("    java.lang.RuntimeException: outer\n"), text);
            for (int i = 1; i < lines.length; i++) {
                assertTrue(lines[i].startsWith("    "), "indented: " + lines[i]);
            }
            nextEventsPrintWhole();
        }
    }

    @Test
    void aValueFailingWithAnyKindOfThrowableSpoilsOnlyItsField() throws Exception {
        for (Throwable failure : failures()) {
            Object bad = new Object() {
                @Override
                public String toString() {
                    ConsoleFaultsTest.<RuntimeException>sneakyThrow(failure);
                    return "never";
                }
            };
            assertEquals("00:00:00.000 INFO  CONSOLE_FAULTS m a=1 bad=" + Unwritable.text(failure) + " list="
                    + Unwritable.text(failure) + " b=2\n",
                    print(pretty, event(Field.of("a", 1), Field.of("bad", bad), Field.of("list", List.of(bad)), Field.of("b", 2))));
            nextEventsPrintWhole();
        }
    }

    @Test
    void outOfMemoryFailsOnlyItsEventInBothSinks() throws Exception {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Object eater = new Object() {
            @Override
            public String toString() {
                throw oom;
            }
        };
        for (Sink sink : List.of(pretty, json)) {
            out.reset();
            assertSame(oom, assertThrows(OutOfMemoryError.class, () -> sink.accept(event(Field.of("v", List.of("a", eater))))));
            assertEquals(0, out.size(), "nothing of the failed event is written");
            nextEventsPrintWhole();
        }
    }

    @Test
    void endlessAndHugeValuesAreBoundedOnThePrettyLine() throws Exception {
        Iterable<Object> endless = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                return 1;
            }
        };
        String huge = "y".repeat(10 * Limits.MAX_STRING_CHARS);
        String text = print(pretty, Event.builder(SIG).message(huge).epochMicros(0).thread("main")
                .fields(Field.of("endless", endless), Field.of("s", huge)).build());
        String cut = "y".repeat(Limits.MAX_STRING_CHARS) + Limits.MARK;
        assertTrue(text.contains(" " + cut + " endless=[1,1,"), text.substring(0, 100));
        assertTrue(text.contains(",1,\"" + Limits.MARK + "\"] s=" + cut + "\n"));
        assertTrue(text.length() < 3 * Limits.MAX_STRING_CHARS, text.length() + " characters");
    }

    @Test
    void theTerminalIsAskedOfTheConsoleWhenTheJdkCan() throws Throwable {
        MethodHandle no = MethodHandles.dropArguments(MethodHandles.constant(boolean.class, false), 0, Object.class);
        MethodHandle yes = MethodHandles.dropArguments(MethodHandles.constant(boolean.class, true), 0, Object.class);
        MethodHandle throwing = MethodHandles.lookup().findStatic(ConsoleFaultsTest.class, "refuse",
                MethodType.methodType(boolean.class, Object.class));
        Object console = new Object();
        assertFalse(Terminal.attached(null, yes), "no console, no terminal");
        assertTrue(Terminal.attached(console, null), "JDK 17-21: a console exists only on a terminal");
        assertFalse(Terminal.attached(console, no), "JDK 22+: a console on a pipe is not a terminal (JDK-8309155)");
        assertTrue(Terminal.attached(console, yes));
        assertFalse(Terminal.attached(console, throwing), "not knowing, JSON");
        // This JVM's output is a pipe to the test runner.
        assertFalse(Terminal.attached());
    }

    static boolean refuse(Object console) {
        throw new IllegalStateException("refused");
    }
}
