package dev.signals.sinks.json;

import static dev.signals.sinks.testing.JsonLines.arr;
import static dev.signals.sinks.testing.JsonLines.num;
import static dev.signals.sinks.testing.JsonLines.obj;
import static dev.signals.sinks.testing.JsonLines.parseLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every field type, and the key rules, read back with a JSON parser. */
class EventJsonWriterFieldsTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED", Severity.INFO);
    private static final long KNOWN_MICROS = 1_795_404_101_123_456L; // 2026-11-23T03:21:41.123456Z

    private final EventJsonWriter writer = new EventJsonWriter();

    public record Item(String sku, int quantity, List<String> tags) {
    }

    private record Hidden(String name, Item item) {
    }

    public record Exploding(String name) {
        @Override
        public String name() {
            throw new IllegalStateException("accessor fails");
        }

        @Override
        public String toString() {
            return "Exploding[by toString]";
        }
    }

    enum Color { RED, GREEN { @Override public String toString() { return "not the name"; } } }

    private static Event.Builder builder() {
        return Event.builder(ORDER_CREATED).message("Order created").epochMicros(KNOWN_MICROS).sequence(42).thread("main");
    }

    private Map<String, Object> line(Event e) {
        int length = writer.encode(e);
        return parseLine(writer.buffer(), length);
    }

    private Map<String, Object> line(Field... fields) {
        return line(builder().fields(fields).build());
    }

    private String raw(Field... fields) {
        return writer.encodeToString(builder().fields(fields).build());
    }

    @Test
    void theFixedKeysComeFirstInTheirOrder() {
        Map<String, Object> line = line(builder().trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")
                .fields(Field.of("order_id", "o-1"), Field.of("items", 2)).build());
        assertEquals(List.of("time", "seq", "signal", "severity", "message", "thread", "trace_id", "span_id",
                "order_id", "items"), List.copyOf(line.keySet()));
        assertEquals("2026-11-23T03:21:41.123456Z", line.get("time"));
        assertEquals(num("42"), line.get("seq"));
        assertEquals("ORDER_CREATED", line.get("signal"));
        assertEquals("INFO", line.get("severity"));
        assertEquals("Order created", line.get("message"));
        assertEquals("main", line.get("thread"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", line.get("trace_id"));
        assertEquals("00f067aa0ba902b7", line.get("span_id"));
    }

    @Test
    void exampleLineFromTheFormatDocument() {
        String text = writer.encodeToString(builder().trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")
                .fields(Field.of("order_id", "o-1"), Field.of("items", 2), Field.of("elapsed", Duration.ofNanos(1_500_000)))
                .build());
        assertEquals("{\"time\":\"2026-11-23T03:21:41.123456Z\",\"seq\":42,\"signal\":\"ORDER_CREATED\","
                + "\"severity\":\"INFO\",\"message\":\"Order created\",\"thread\":\"main\","
                + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"00f067aa0ba902b7\","
                + "\"order_id\":\"o-1\",\"items\":2,\"elapsed\":1.5}\n", text);
    }

    @Test
    void doublesInTheirShortestForm() {
        String text = raw(Field.of("tiny", 1e-7), Field.of("negZero", -0.0), Field.of("half", 0.5),
                Field.of("third", 1.0 / 3), Field.of("floats", new float[] {0.1f}));
        assertTrue(text.contains("\"tiny\":1.0E-7,"), text);
        assertTrue(text.contains("\"negZero\":-0.0,"), text);
        assertTrue(text.contains("\"half\":0.5,"), text);
        assertTrue(text.contains("\"third\":0.3333333333333333,"), text);
        assertTrue(text.contains("\"floats\":[0.1]"), text);
    }

    @Test
    void traceAndSpanIdsOnlyWhenPresent() {
        Map<String, Object> none = line(builder().build());
        assertFalse(none.containsKey("trace_id"));
        assertFalse(none.containsKey("span_id"));
        Map<String, Object> traceOnly = line(builder().trace("abc", null).build());
        assertEquals("abc", traceOnly.get("trace_id"));
        assertFalse(traceOnly.containsKey("span_id"));
    }

    @Test
    void timeFormatting() {
        assertEquals("1970-01-01T00:00:00.000000Z", line(builder().epochMicros(0).build()).get("time"));
        assertEquals("1969-12-31T23:59:59.999999Z", line(builder().epochMicros(-1).build()).get("time"));
        // The cached date part follows the second, forward and back.
        assertEquals("2026-11-23T03:21:41.123457Z", line(builder().epochMicros(KNOWN_MICROS + 1).build()).get("time"));
        assertEquals("2026-11-23T03:21:42.000000Z",
                line(builder().epochMicros(KNOWN_MICROS + 876_544).build()).get("time"));
        assertEquals("2026-11-23T03:21:41.123456Z", line(builder().build()).get("time"));
    }

    @Test
    void scalarTypes() {
        Map<String, Object> line = line(
                Field.of("s", "text"), Field.of("nullString", (String) null), Field.of("l", Long.MIN_VALUE),
                Field.of("i", 7), Field.of("d", 2.5), Field.of("tiny", 1e-7), Field.of("negZero", -0.0),
                Field.of("t", true), Field.of("f", false));
        assertEquals("text", line.get("s"));
        assertTrue(line.containsKey("nullString"));
        assertNull(line.get("nullString"));
        assertEquals(num("-9223372036854775808"), line.get("l"));
        assertEquals(num("7"), line.get("i"));
        assertEquals(0, num("2.5").compareTo((BigDecimal) line.get("d")));
        assertEquals(1e-7, ((BigDecimal) line.get("tiny")).doubleValue());
        assertEquals(0.0, ((BigDecimal) line.get("negZero")).doubleValue());
        assertEquals(true, line.get("t"));
        assertEquals(false, line.get("f"));
    }

    @Test
    void nonFiniteDoublesAreStrings() {
        Map<String, Object> line = line(Field.of("nan", Double.NaN), Field.of("inf", Double.POSITIVE_INFINITY),
                Field.of("ninf", Double.NEGATIVE_INFINITY),
                Field.of("values", Arrays.asList(Float.NaN, Double.POSITIVE_INFINITY, new double[] {Double.NEGATIVE_INFINITY})));
        assertEquals("NaN", line.get("nan"));
        assertEquals("Infinity", line.get("inf"));
        assertEquals("-Infinity", line.get("ninf"));
        assertEquals(List.of("NaN", "Infinity", List.of("-Infinity")), line.get("values"));
    }

    @Test
    void durationsAreMillisecondsWithoutExponent() {
        String text = raw(Field.of("a", Duration.ofMillis(1500)), Field.of("b", Duration.ofNanos(250_000)),
                Field.of("c", Duration.ofNanos(1)), Field.of("z", Duration.ZERO), Field.of("neg", Duration.ofMillis(-1500)),
                Field.of("huge", Duration.ofSeconds(Long.MAX_VALUE)), Field.of("none", (Duration) null));
        assertTrue(text.contains("\"a\":1500,"), text);
        assertTrue(text.contains("\"b\":0.25,"), text);
        assertTrue(text.contains("\"c\":0.000001,"), text);
        assertTrue(text.contains("\"z\":0,"), text);
        assertTrue(text.contains("\"neg\":-1500,"), text);
        assertTrue(text.contains("\"huge\":9223372036854775807000,"), text);
        assertTrue(text.contains("\"none\":null"), text);
        assertEquals(num("0.25"), parseLine(text).get("b"));
    }

    @Test
    void instantsLikeTime() {
        Map<String, Object> line = line(Field.of("at", Instant.parse("2026-01-02T03:04:05.678901234Z")),
                Field.of("epoch", Instant.EPOCH), Field.of("none", (Instant) null));
        assertEquals("2026-01-02T03:04:05.678901Z", line.get("at"));
        assertEquals("1970-01-01T00:00:00.000000Z", line.get("epoch"));
        assertNull(line.get("none"));
    }

    @Test
    void secretsNeverAppearInClear() {
        String clear = "hunter2-clear-value";
        Field secret = Field.secret("password", clear);
        Event e = builder().context(Field.secret("token", clear + "-ctx"))
                .fields(secret, Field.of("list", List.of(secret)), Field.of("map", Map.of("f", secret))).build();
        int length = writer.encode(e);
        byte[] bytes = Arrays.copyOf(writer.buffer(), length);
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("hunter2"));
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("hunter2"));
        Map<String, Object> line = parseLine(bytes);
        assertEquals("***", line.get("password"));
        assertEquals("***", line.get("token"));
        assertEquals(List.of("password=***"), line.get("list"));
    }

    @Test
    void errorsWithCauseChainAndSuppressed() {
        IllegalStateException error = new IllegalStateException("declined", new java.io.IOException("timeout"));
        error.addSuppressed(new RuntimeException((String) null));
        Map<String, Object> e = obj(line(Field.error(error)).get("error"));
        List<String> keys = new ArrayList<>(e.keySet());
        keys.remove("frames_omitted"); // JUnit's stack is deep; capping is tested below
        assertEquals(List.of("type", "message", "stack", "cause", "suppressed"), keys);
        assertEquals("java.lang.IllegalStateException", e.get("type"));
        assertEquals("declined", e.get("message"));
        List<Object> stack = arr(e.get("stack"));
        assertFalse(stack.isEmpty());
        assertTrue(((String) stack.get(0)).contains("errorsWithCauseChainAndSuppressed"), stack.get(0).toString());
        Map<String, Object> cause = obj(e.get("cause"));
        assertEquals("java.io.IOException", cause.get("type"));
        assertEquals("timeout", cause.get("message"));
        assertFalse(cause.containsKey("cause"));
        Map<String, Object> suppressed = obj(arr(e.get("suppressed")).get(0));
        assertEquals("java.lang.RuntimeException", suppressed.get("type"));
        assertTrue(suppressed.containsKey("message"));
        assertNull(suppressed.get("message"));
    }

    @Test
    void aCycleInTheCauseChainIsCut() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        Map<String, Object> first = obj(line(Field.error(a)).get("error"));
        Map<String, Object> second = obj(first.get("cause"));
        Map<String, Object> again = obj(second.get("cause"));
        assertEquals("a", again.get("message"));
        assertEquals(true, again.get("circular"));
        assertFalse(again.containsKey("stack"));
        assertFalse(again.containsKey("cause"));

        Exception self = new Exception("self");
        self.addSuppressed(b);
        Map<String, Object> line = line(Field.of("boom", self));
        assertEquals("self", obj(line.get("boom")).get("message"));
    }

    @Test
    void stackFramesAreCapped() {
        Exception error = new Exception("deep");
        StackTraceElement[] frames = new StackTraceElement[100];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("a.B", "m" + i, "B.java", i + 1);
        }
        error.setStackTrace(frames);
        Map<String, Object> e = obj(line(Field.error(error)).get("error"));
        List<Object> stack = arr(e.get("stack"));
        assertEquals(ErrorEncoder.MAX_FRAMES, stack.size());
        assertEquals("a.B.m0(B.java:1)", stack.get(0));
        assertEquals(num("36"), e.get("frames_omitted"));
    }

    @Test
    void longCauseChainsStopAtTheDepthLimit() {
        Exception error = new Exception("0");
        for (int i = 1; i < 40; i++) {
            error = new Exception(Integer.toString(i), error);
        }
        Map<String, Object> e = obj(line(Field.error(error)).get("error"));
        int depth = 1;
        Object cause = e.get("cause");
        while (cause instanceof Map) {
            depth++;
            cause = obj(cause).get("cause");
        }
        assertEquals(ErrorEncoder.MAX_DEPTH, depth);
        assertEquals(Limits.MARK, cause);
    }

    @Test
    void recordsMapsListsEnumsAndArrays() {
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put("b", 2);
        nested.put(null, "null key");
        nested.put(3, List.of(true));
        Map<String, Object> line = line(
                Field.of("item", new Item("sku-1", 2, List.of("red", "big"))),
                Field.of("hidden", new Hidden("h", new Item("s", 1, List.of()))),
                Field.of("map", nested),
                Field.of("list", List.of(1, "two", 3.5)),
                Field.of("set", new java.util.TreeSet<>(List.of("x", "y"))),
                Field.of("color", Color.RED), Field.of("green", Color.GREEN),
                Field.of("ints", new int[] {1, 2}), Field.of("longs", new long[] {3}), Field.of("bytes", new byte[] {-1}),
                Field.of("shorts", new short[] {4}), Field.of("floats", new float[] {0.1f}),
                Field.of("bools", new boolean[] {true, false}), Field.of("chars", new char[] {'h', 'i'}),
                Field.of("objects", new Object[] {"a", null, 1}),
                Field.of("empty", List.of()), Field.of("nothing", (Object) null));
        assertEquals(Map.of("sku", "sku-1", "quantity", num("2"), "tags", List.of("red", "big")), line.get("item"));
        assertEquals(List.of("sku", "quantity", "tags"), List.copyOf(obj(line.get("item")).keySet()));
        assertEquals(Map.of("name", "h", "item", Map.of("sku", "s", "quantity", num("1"), "tags", List.of())),
                line.get("hidden"));
        Map<String, Object> map = obj(line.get("map"));
        assertEquals(List.of("b", "null", "3"), List.copyOf(map.keySet()));
        assertEquals(List.of(true), map.get("3"));
        assertEquals(List.of(num("1"), "two", num("3.5")), line.get("list"));
        assertEquals(List.of("x", "y"), line.get("set"));
        assertEquals("RED", line.get("color"));
        assertEquals("GREEN", line.get("green"));
        assertEquals(List.of(num("1"), num("2")), line.get("ints"));
        assertEquals(List.of(num("3")), line.get("longs"));
        assertEquals(List.of(num("-1")), line.get("bytes"));
        assertEquals(List.of(num("4")), line.get("shorts"));
        assertEquals(List.of(num("0.1")), line.get("floats"));
        assertEquals(List.of(true, false), line.get("bools"));
        assertEquals("hi", line.get("chars"));
        assertEquals(Arrays.asList("a", null, num("1")), line.get("objects"));
        assertEquals(List.of(), line.get("empty"));
        assertTrue(line.containsKey("nothing"));
        assertNull(line.get("nothing"));
    }

    @Test
    void numbersOptionalsAndOtherValues() {
        String text = raw(
                Field.of("bigDecimal", new BigDecimal("12345678901234567890.123456789012345678901")),
                Field.of("bigInteger", new BigInteger("123456789012345678901234567890")),
                Field.of("atomic", new AtomicLong(5)),
                Field.of("present", Optional.of(List.of(1))), Field.of("absent", Optional.empty()),
                Field.of("optInt", OptionalInt.of(3)), Field.of("optDouble", OptionalDouble.empty()),
                Field.of("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
                Field.of("path", Path.of("/var/log/app.log")),
                Field.of("durations", List.of(Duration.ofMillis(1500), Instant.EPOCH)),
                Field.of("boxed", (Object) Character.valueOf('c')),
                Field.of("builder", new StringBuilder("sb")),
                Field.of("thrown", List.of(new IllegalArgumentException("inside"))));
        assertTrue(text.contains("\"bigDecimal\":12345678901234567890.123456789012345678901,"), text);
        assertTrue(text.contains("\"bigInteger\":123456789012345678901234567890,"), text);
        Map<String, Object> line = parseLine(text);
        assertEquals(num("5"), line.get("atomic"));
        assertEquals(List.of(num("1")), line.get("present"));
        assertNull(line.get("absent"));
        assertEquals(num("3"), line.get("optInt"));
        assertNull(line.get("optDouble"));
        assertEquals("123e4567-e89b-12d3-a456-426614174000", line.get("uuid"));
        assertEquals("/var/log/app.log", line.get("path"));
        assertEquals(List.of(num("1500"), "1970-01-01T00:00:00.000000Z"), line.get("durations"));
        assertEquals("c", line.get("boxed"));
        assertEquals("sb", line.get("builder"));
        assertEquals("inside", obj(arr(line.get("thrown")).get(0)).get("message"));
    }

    @Test
    void nestingDeeperThanTheLimitBecomesAnEllipsis() {
        Object value = "bottom";
        for (int i = 0; i < 30; i++) {
            value = List.of(value);
        }
        Object written = line(Field.of("deep", value)).get("deep");
        int depth = 0;
        while (written instanceof List) {
            depth++;
            written = arr(written).get(0);
        }
        assertEquals(ValueEncoder.MAX_DEPTH, depth);
        assertEquals(Limits.MARK, written);

        Object shallow = "bottom";
        for (int i = 0; i < ValueEncoder.MAX_DEPTH; i++) {
            shallow = Map.of("k", shallow);
        }
        Object read = line(Field.of("ok", shallow)).get("ok");
        for (int i = 0; i < ValueEncoder.MAX_DEPTH; i++) {
            read = obj(read).get("k");
        }
        assertEquals("bottom", read);
    }

    @Test
    void cyclesAreCutByIdentity() {
        List<Object> list = new ArrayList<>();
        list.add("first");
        list.add(list);
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        Object[] array = new Object[1];
        array[0] = array;
        List<Object> shared = List.of("s");
        Map<String, Object> line = line(Field.of("list", list), Field.of("map", map), Field.of("array", array),
                Field.of("shared", List.of(shared, shared)));
        assertEquals(List.of("first", "<cycle>"), line.get("list"));
        assertEquals(Map.of("self", "<cycle>"), line.get("map"));
        assertEquals(List.of("<cycle>"), line.get("array"));
        assertEquals(List.of(List.of("s"), List.of("s")), line.get("shared"), "a repeat that is not a cycle is written");
    }

    @Test
    void aRecordThatCannotBeReadIsWrittenWithToString() {
        Map<String, Object> line = line(Field.of("r", new Exploding("x")));
        assertEquals("Exploding[by toString]", line.get("r"));
    }

    @Test
    void aValueThatThrowsIsReplacedAndTheRestOfTheEventKept() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no toString for you");
            }
        };
        Object recursive = new Object() {
            @Override
            public String toString() {
                return "x" + this;
            }
        };
        Map<String, Object> line = line(Field.of("before", 1), Field.of("bad", List.of("ok", bad)),
                Field.of("recursive", recursive), Field.of("after", 2));
        assertEquals(num("1"), line.get("before"));
        assertEquals("<unwritable: java.lang.IllegalStateException>", line.get("bad"));
        assertEquals("<unwritable: java.lang.StackOverflowError>", line.get("recursive"));
        assertEquals(num("2"), line.get("after"));
        // The writer is healthy afterwards.
        assertEquals("Order created", line(builder().build()).get("message"));
    }

    @Test
    void keysThatCollideWithReservedKeysGetAnUnderscore() {
        String[] reserved = {"time", "seq", "signal", "severity", "message", "thread", "trace_id", "span_id"};
        Field[] fields = new Field[reserved.length];
        for (int i = 0; i < reserved.length; i++) {
            fields[i] = Field.of(reserved[i], "field " + reserved[i]);
        }
        Map<String, Object> line = line(builder().trace("t", "s").fields(fields).build());
        assertEquals("Order created", line.get("message"));
        assertEquals("t", line.get("trace_id"));
        for (String key : reserved) {
            assertEquals("field " + key, line.get("_" + key), key);
        }
        // Without a trace the keys stay reserved, so a field cannot pose as the event's trace.
        Map<String, Object> noTrace = line(Field.of("trace_id", "forged"));
        assertFalse(noTrace.containsKey("trace_id"));
        assertEquals("forged", noTrace.get("_trace_id"));
    }

    @Test
    void aRenamedKeyAvoidsTheEventsOtherKeys() {
        Map<String, Object> line = line(Field.of("message", "a"), Field.of("_message", "b"), Field.of("__message", "c"));
        assertEquals("Order created", line.get("message"));
        assertEquals("a", line.get("___message"));
        assertEquals("b", line.get("_message"));
        assertEquals("c", line.get("__message"));
    }

    @Test
    void theLastFieldWithAKeyWins() {
        Event e = builder().context(Field.of("user", "from-scope"), Field.of("region", "eu"))
                .fields(Field.of("user", "first"), Field.of("n", 1), Field.of("user", "last"))
                .build();
        String text = writer.encodeToString(e);
        Map<String, Object> line = parseLine(text); // the parser refuses duplicate keys
        assertEquals("last", line.get("user"));
        assertEquals("eu", line.get("region"));
        assertEquals(List.of("time", "seq", "signal", "severity", "message", "thread", "region", "n", "user"),
                List.copyOf(line.keySet()));
        assertFalse(text.contains("first"));
        assertFalse(text.contains("from-scope"));
    }

    @Test
    void aShadowedSecretIsNotWrittenAndAShadowingSecretIsMasked() {
        Map<String, Object> plainWins = line(Field.secret("k", "clear-1"), Field.of("k", "shown"));
        assertEquals("shown", plainWins.get("k"));
        String text = raw(Field.of("k", "clear-2"), Field.secret("k", "clear-3"));
        assertFalse(text.contains("clear"));
        assertEquals("***", parseLine(text).get("k"));
    }

    @Test
    void writeSendsTheWholeLineInOneCall() throws Exception {
        List<Integer> calls = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                calls.add(len);
                super.write(b, off, len);
            }
        };
        int length = writer.write(builder().fields(Field.of("k", "v")).build(), sink);
        assertEquals(List.of(length), calls);
        assertEquals("v", parseLine(sink.toByteArray()).get("k"));
    }

    @Test
    void encodingIntoTheSameWriterFromInsideAnEncodeIsRefused() {
        Object reentrant = new Object() {
            @Override
            public String toString() {
                return writer.encodeToString(builder().build());
            }
        };
        Map<String, Object> line = line(Field.of("x", reentrant));
        assertEquals("<unwritable: java.lang.IllegalStateException>", line.get("x"));
        assertFalse(writer.isBusy());
        assertThrows(NullPointerException.class, () -> writer.encode(null));
        assertFalse(writer.isBusy());
        assertEquals("Order created", line(builder().build()).get("message"));
    }

    @Test
    void successiveEventsReuseTheWriter() {
        for (int i = 0; i < 1_000; i++) {
            Map<String, Object> line = line(builder().sequence(i).fields(Field.of("i", i)).build());
            assertEquals(num(Integer.toString(i)), line.get("seq"));
            assertEquals(num(Integer.toString(i)), line.get("i"));
        }
        assertEquals('\n', writer.buffer()[writer.length() - 1]);
        assertTrue(JsonLines.utf8(writer.buffer(), writer.length()).startsWith("{\"time\""));
    }
}
