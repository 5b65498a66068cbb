package dev.signals.sinks.json;

import static dev.signals.sinks.testing.JsonLines.arr;
import static dev.signals.sinks.testing.JsonLines.num;
import static dev.signals.sinks.testing.JsonLines.obj;
import static dev.signals.sinks.testing.JsonLines.parseLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Values that fail or never end: the line stays valid and bounded, and the next line is clean. */
class EventJsonWriterFaultsTest {

    private static final Signal SIG = Signal.of("FAULTS_TEST", Severity.INFO);

    private final EventJsonWriter writer = new EventJsonWriter();

    private static Event event(Field... fields) {
        return Event.builder(SIG).message("m").epochMicros(1).sequence(1).thread("main").fields(fields).build();
    }

    private Map<String, Object> line(Field... fields) {
        int length = writer.encode(event(fields));
        assertTrue(length <= Limits.MAX_LINE_BYTES, "line of " + length + " bytes");
        return parseLine(writer.buffer(), length);
    }

    /** The writer's next lines are whole and right, whatever the last event did to it. */
    private void nextLinesAreClean() {
        for (int i = 0; i < 21; i++) {
            Map<String, Object> next = line(Field.of("after", i), Field.of("list", List.of("a", i)));
            assertEquals("m", next.get("message"));
            assertEquals(num(Integer.toString(i)), next.get("after"));
            assertEquals(List.of("a", num(Integer.toString(i))), next.get("list"));
            assertFalse(next.containsKey("_truncated"));
        }
    }

    private static Iterable<Object> endless(Supplier<Object> element) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                return element.get();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    /** Throws {@code failure} after {@code after} elements. */
    private static Iterable<Object> failingAfter(int after, Throwable failure) {
        return () -> new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                if (n++ == after) {
                    EventJsonWriterFaultsTest.<RuntimeException>sneakyThrow(failure);
                }
                return List.of("nested", n);
            }
        };
    }

    private static Object throwingToString(Throwable failure) {
        return new Object() {
            @Override
            public String toString() {
                EventJsonWriterFaultsTest.<RuntimeException>sneakyThrow(failure);
                return "never";
            }
        };
    }

    private static List<Throwable> recoverableFailures() {
        return List.of(new IllegalStateException("x"), new Error("plain error"), new Exception("checked, thrown sneakily"),
                new NoClassDefFoundError("com/acme/Missing"), new ExceptionInInitializerError("init"),
                new AssertionError("assert"), new StackOverflowError());
    }

    @Test
    void endlessIterablesEndAtTheElementLimit() {
        Map<String, Object> line = line(Field.of("before", 1), Field.of("numbers", endless(() -> 7)),
                Field.of("lists", endless(() -> List.of(1, 2))), Field.of("after", 2));
        List<Object> numbers = arr(line.get("numbers"));
        assertEquals(Limits.MAX_ELEMENTS + 1, numbers.size());
        assertEquals(num("7"), numbers.get(0));
        assertEquals(Limits.MARK, numbers.get(Limits.MAX_ELEMENTS));
        assertEquals(Limits.MAX_ELEMENTS + 1, arr(line.get("lists")).size());
        assertEquals(num("1"), line.get("before"));
        assertEquals(num("2"), line.get("after"));
        assertEquals(num("2"), line.get("_truncated"));
        nextLinesAreClean();
    }

    @Test
    void anIterableNestingFreshIterablesWithoutEndStopsAtTheDepthLimit() {
        Iterable<Object>[] self = new Iterable[1];
        self[0] = () -> List.<Object>of(1, (Iterable<Object>) () -> self[0].iterator()).iterator();
        Object written = line(Field.of("deep", self[0])).get("deep");
        int depth = 0;
        while (written instanceof List) {
            depth++;
            written = arr(written).get(1);
        }
        assertEquals(ValueEncoder.MAX_DEPTH, depth);
        assertEquals(Limits.MARK, written);
    }

    @Test
    void everyKindOfArrayAndAMapOfMillionsAreCut() {
        Map<Integer, Integer> millions = new AbstractMap<>() {
            @Override
            public java.util.Set<Map.Entry<Integer, Integer>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Map.Entry<Integer, Integer>> iterator() {
                        return new Iterator<>() {
                            int i;

                            @Override
                            public boolean hasNext() {
                                return i < 5_000_000;
                            }

                            @Override
                            public Map.Entry<Integer, Integer> next() {
                                i++;
                                return Map.entry(i, i);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return 5_000_000;
                    }
                };
            }
        };
        int big = 3 * Limits.MAX_ELEMENTS;
        Map<String, Object> line = line(Field.of("map", millions), Field.of("ints", new int[big]),
                Field.of("longs", new long[big]), Field.of("doubles", new double[big]), Field.of("floats", new float[big]),
                Field.of("bools", new boolean[big]), Field.of("bytes", new byte[big]), Field.of("shorts", new short[big]),
                Field.of("objects", new Object[big]), Field.of("list", java.util.Collections.nCopies(big, "x")),
                Field.of("chars", new char[big * 10]), Field.of("small", new int[] {1}));
        Map<String, Object> map = obj(line.get("map"));
        assertEquals(Limits.MAX_ELEMENTS + 1, map.size());
        assertEquals(Limits.MARK, map.get(Limits.MARK));
        assertEquals(num("1"), map.get("1"));
        for (String key : List.of("ints", "longs", "doubles", "floats", "bools", "bytes", "shorts", "objects", "list")) {
            List<Object> a = arr(line.get(key));
            assertEquals(Limits.MAX_ELEMENTS + 1, a.size(), key);
            assertEquals(Limits.MARK, a.get(Limits.MAX_ELEMENTS), key);
        }
        assertEquals(Limits.MAX_STRING_CHARS + 1, ((String) line.get("chars")).length());
        assertEquals(List.of(num("1")), line.get("small"));
        assertEquals(num("11"), line.get("_truncated"));
    }

    @Test
    void hugeStringsAndKeysAreCutEverywhere() {
        String huge = "é".repeat(3_000_000);
        String cut = huge.substring(0, Limits.MAX_STRING_CHARS) + Limits.MARK;
        String pair = "a".repeat(Limits.MAX_STRING_CHARS - 1) + "\uD83D\uDE00" + "tail";
        int length = writer.encode(Event.builder(SIG).message(huge).thread(huge).epochMicros(1).sequence(1)
                .fields(Field.of("s", huge), Field.of(huge, 1), Field.of("sb", new StringBuilder(huge)),
                        Field.of("map", Map.of(huge, huge)), Field.of("pair", pair),
                        Field.of("error", new IllegalStateException(huge)))
                .build());
        Map<String, Object> line = parseLine(writer.buffer(), length);
        assertEquals(cut, line.get("message"));
        assertEquals(cut, line.get("thread"));
        assertEquals(cut, line.get("s"));
        assertEquals(num("1"), line.get(cut));
        assertEquals(cut, line.get("sb"));
        assertEquals(Map.of(cut, cut), line.get("map"));
        assertEquals("a".repeat(Limits.MAX_STRING_CHARS - 1) + Limits.MARK, line.get("pair"), "a pair is never split");
        assertEquals(cut, obj(line.get("error")).get("message"));
        assertEquals(num("8"), line.get("_truncated")); // message, thread and six fields
        nextLinesAreClean();
    }

    @Test
    void aLineNeverPassesTheLineLimitAndSaysHowManyFieldsItLeftOut() {
        String big = "x".repeat(Limits.MAX_STRING_CHARS);
        Field[] fields = new Field[200];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = Field.of("f" + i, List.of(big, big));
        }
        int length = writer.encode(event(fields));
        assertTrue(length <= Limits.MAX_LINE_BYTES, length + " bytes");
        Map<String, Object> line = parseLine(writer.buffer(), length);
        int written = 0;
        while (line.containsKey("f" + written)) {
            written++;
        }
        assertTrue(written > 20 && written < 40, written + " fields written");
        assertEquals(List.of(big, big), line.get("f0"));
        assertEquals(num(Integer.toString(200 - written)), line.get("_truncated"));
        nextLinesAreClean();
    }

    @Test
    void anIteratorOrToStringThrowingAnyKindOfFailureSpoilsOnlyItsField() {
        for (Throwable failure : recoverableFailures()) {
            Map<String, Object> line = line(Field.of("before", 1), Field.of("iterator", failingAfter(3, failure)),
                    Field.of("toString", List.of("ok", throwingToString(failure))), Field.of("after", 2));
            String text = Unwritable.text(failure);
            assertEquals(text, line.get("iterator"), failure.toString());
            assertEquals(text, line.get("toString"), failure.toString());
            assertEquals(num("1"), line.get("before"));
            assertEquals(num("2"), line.get("after"));
            nextLinesAreClean();
        }
    }

    @Test
    void outOfMemoryFailsTheEventAndTheNextLinesAreClean() {
        for (Throwable fatal : List.of(new OutOfMemoryError("Java heap space"), new InternalError("vm"))) {
            for (Object value : List.of(throwingToString(fatal), List.of(List.of("a", throwingToString(fatal))),
                    failingAfter(500, fatal), Map.of("k", failingAfter(2, fatal)))) {
                Throwable thrown = assertThrows(Throwable.class, () -> writer.encode(event(Field.of("x", "y"),
                        Field.of("v", value), Field.of("z", 1))));
                assertSame(fatal, thrown);
                assertFalse(writer.isBusy());
                nextLinesAreClean();
            }
        }
        Throwable hostile = new IllegalStateException("m") {
            @Override
            public String getMessage() {
                throw new OutOfMemoryError("from getMessage");
            }
        };
        assertThrows(OutOfMemoryError.class, () -> writer.encode(event(Field.error(hostile))));
        nextLinesAreClean();
    }

    @Test
    void aThrowableWhoseAccessorsThrowIsStillDescribed() {
        for (Throwable failure : recoverableFailures()) {
            Throwable cause = new java.io.IOException("cause");
            Throwable hostile = new IllegalStateException("hidden", cause) {
                @Override
                public String getMessage() {
                    EventJsonWriterFaultsTest.<RuntimeException>sneakyThrow(failure);
                    return null;
                }

                @Override
                public String toString() {
                    EventJsonWriterFaultsTest.<RuntimeException>sneakyThrow(failure);
                    return null;
                }

                @Override
                public StackTraceElement[] getStackTrace() {
                    EventJsonWriterFaultsTest.<RuntimeException>sneakyThrow(failure);
                    return null;
                }

                @Override
                public synchronized Throwable getCause() {
                    EventJsonWriterFaultsTest.<RuntimeException>sneakyThrow(failure);
                    return null;
                }
            };
            Throwable suppressing = new RuntimeException("outer") {
                @Override
                public synchronized Throwable getCause() {
                    return hostile;
                }
            };
            suppressing.addSuppressed(new Exception("kept"));
            Map<String, Object> line = line(Field.error(suppressing), Field.of("after", 1));
            String text = Unwritable.text(failure);
            Map<String, Object> error = obj(line.get("error"));
            assertEquals("outer", error.get("message"));
            assertEquals("kept", obj(arr(error.get("suppressed")).get(0)).get("message"));
            Map<String, Object> inner = obj(error.get("cause"));
            assertTrue(((String) inner.get("type")).startsWith(EventJsonWriterFaultsTest.class.getName()), inner.toString());
            assertEquals(text, inner.get("message"));
            assertEquals(List.of(text), inner.get("stack"));
            assertEquals(text, inner.get("cause"));
            assertEquals(num("1"), line.get("after"));
            nextLinesAreClean();
        }
    }

    @Test
    void aFieldNamedLikeTheTruncationKeyCannotForgeIt() {
        Map<String, Object> line = line(Field.of("_truncated", 5));
        assertFalse(line.containsKey("_truncated"));
        assertEquals(num("5"), line.get("__truncated"));
    }
}
