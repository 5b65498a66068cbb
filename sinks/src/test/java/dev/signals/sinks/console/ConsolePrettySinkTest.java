package dev.signals.sinks.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsolePrettySinkTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED", Severity.INFO);
    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    private static final long NOON = Instant.parse("2026-11-23T12:00:01.123456Z").getEpochSecond() * 1_000_000L + 123_456;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String print(boolean color, ZoneId zone, Event e) throws Exception {
        out.reset();
        new ConsolePrettySink(out, color, zone).accept(e);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String print(Event e) throws Exception {
        return print(false, ZoneOffset.UTC, e);
    }

    private static Event.Builder order() {
        return Event.builder(ORDER_CREATED).message("Order created").epochMicros(NOON).sequence(1).thread("main");
    }

    @Test
    void theExampleLine() throws Exception {
        String text = print(order().fields(Field.of("order_id", "o-1"), Field.of("items", 2)).build());
        assertEquals("12:00:01.123 INFO  ORDER_CREATED Order created order_id=o-1 items=2\n", text);
    }

    @Test
    void timeIsInTheGivenZone() throws Exception {
        assertTrue(print(false, ZoneId.of("Asia/Tokyo"), order().build()).startsWith("21:00:01.123 INFO  "));
        assertTrue(print(false, ZoneId.of("America/New_York"), order().build()).startsWith("07:00:01.123 "));
        assertTrue(print(order().epochMicros(-1).build()).startsWith("23:59:59.999 "));
        assertTrue(print(order().epochMicros(5_000).build()).startsWith("00:00:00.005 "));
    }

    @Test
    void severityIsPaddedAndALevelSignalIsNotRepeated() throws Exception {
        assertEquals("12:00:01.123 ERROR PAYMENT_FAILED declined\n",
                print(Event.builder(PAYMENT_FAILED).message("declined").epochMicros(NOON).build()));
        assertEquals("12:00:01.123 WARN  disk low\n",
                print(Event.builder(Signal.WARN).message("disk low").epochMicros(NOON).build()));
        assertEquals("12:00:01.123 INFO  ORDER_CREATED k=v\n",
                print(order().message("").fields(Field.of("k", "v")).build()));
    }

    @Test
    void valuesAreQuotedWhenTheyWouldBeAmbiguous() throws Exception {
        String text = print(order().fields(
                Field.of("plain", "abc"), Field.of("space", "hello world"), Field.of("quote", "say \"hi\""),
                Field.of("eq", "a=b"), Field.of("empty", ""), Field.of("back", "a\\b"), Field.of("nl", "a\nb"),
                Field.of("nul", (String) null), Field.of("key with space", 1)).build());
        assertEquals("12:00:01.123 INFO  ORDER_CREATED Order created plain=abc space=\"hello world\""
                + " quote=\"say \\\"hi\\\"\" eq=\"a=b\" empty=\"\" back=\"a\\\\b\" nl=\"a\\nb\" nul=null"
                + " \"key with space\"=1\n", text);
    }

    @Test
    void oneLinePerEventWhateverTheInput() throws Exception {
        String nasty = "l1\nl2\r\u2028\u2029\u0085\u001b[31mred\u009b\u202eevil\uD800";
        String text = print(order().message(nasty).thread(nasty)
                .fields(Field.of(nasty, nasty), Field.of("list", List.of(nasty)), Field.of("map", Map.of(nasty, 1))).build());
        assertEquals(1, JsonLines.lines(text).size(), text);
        for (char c : new char[] {'\r', '\u2028', '\u2029', '\u0085', '\u001b', '\u009b', '\u202e', '\uD800'}) {
            assertEquals(-1, text.indexOf(c), "raw U+" + Integer.toHexString(c));
        }
        assertTrue(text.contains("l1\\nl2\\r\\u2028\\u2029\\u0085\\u001b[31mred\\u009b\\u202eevil\uFFFD"), text);
    }

    @Test
    void typesForPeople() throws Exception {
        String text = print(order().fields(
                Field.of("slow", Duration.ofMillis(1500)), Field.of("fast", Duration.ofMillis(250)),
                Field.of("tiny", Duration.ofNanos(12_000)), Field.of("ratio", 0.5), Field.of("nan", Double.NaN),
                Field.of("ok", true), Field.of("at", Instant.parse("2026-01-02T03:04:05.678901Z")),
                Field.of("tags", List.of("a", "b c")), Field.of("level", Severity.WARN),
                Field.secret("password", "hunter2-clear")).build());
        assertEquals("12:00:01.123 INFO  ORDER_CREATED Order created slow=1.5s fast=250ms tiny=12µs ratio=0.5"
                + " nan=NaN ok=true at=2026-01-02T03:04:05.678901Z tags=[\"a\",\"b c\"] level=WARN password=***\n", text);
        assertFalse(text.contains("hunter2"));
    }

    @Test
    void shadowedFieldsAreLeftOut() throws Exception {
        String text = print(order().context(Field.of("user", "scope")).fields(Field.of("user", "call")).build());
        assertEquals("12:00:01.123 INFO  ORDER_CREATED Order created user=call\n", text);
    }

    @Test
    void traceIdInShortForm() throws Exception {
        String text = print(order().trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7").build());
        assertEquals("12:00:01.123 INFO  ORDER_CREATED Order created trace_id=4bf92f35\n", text);
    }

    @Test
    void anErrorOnTheLineAndItsStackIndentedBelow() throws Exception {
        IllegalStateException error = new IllegalStateException("declined\nby bank", new java.io.IOException("timeout"));
        error.addSuppressed(new RuntimeException("cleanup failed"));
        String text = print(Event.builder(PAYMENT_FAILED).message("Payment failed").epochMicros(NOON)
                .fields(Field.of("order_id", "o-1"), Field.error(error)).build());
        List<String> lines = JsonLines.lines(text);
        assertEquals("12:00:01.123 ERROR PAYMENT_FAILED Payment failed order_id=o-1"
                + " error=IllegalStateException: declined\\nby bank", lines.get(0));
        assertEquals("    java.lang.IllegalStateException: declined\\nby bank", lines.get(1));
        assertTrue(lines.get(2).startsWith("        at dev.signals.sinks.console.ConsolePrettySinkTest."), lines.get(2));
        assertTrue(lines.contains("        Suppressed: java.lang.RuntimeException: cleanup failed"), text);
        assertTrue(lines.contains("    Caused by: java.io.IOException: timeout"), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches(" {8}\\.\\.\\. \\d+ more")), text);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("    "), "indented: " + line);
        }
    }

    @Test
    void aCycleInTheCauseChainEnds() throws Exception {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        String text = print(order().fields(Field.error(a)).build());
        assertTrue(text.contains("    Caused by: [CIRCULAR REFERENCE: java.lang.Exception: a]\n"), text);
    }

    @Test
    void noAnsiWithoutColourAndAnsiWithIt() throws Exception {
        Event e = order().fields(Field.of("k", "v")).build();
        assertEquals(-1, print(false, ZoneOffset.UTC, e).indexOf('\u001b'));
        String coloured = print(true, ZoneOffset.UTC, e);
        assertTrue(coloured.contains("\u001b[32mINFO\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[1mORDER_CREATED\u001b[0m"), coloured);
        assertEquals("12:00:01.123 INFO  ORDER_CREATED Order created k=v\n",
                coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void colourByDefaultOnlyOnATerminalWithoutNoColor() {
        assertTrue(ConsolePrettySink.colorByDefault(true, null));
        assertFalse(ConsolePrettySink.colorByDefault(true, "1"));
        assertFalse(ConsolePrettySink.colorByDefault(true, ""));
        assertFalse(ConsolePrettySink.colorByDefault(false, null));
    }

    @Test
    void aValueThatThrowsDoesNotLoseTheEvent() throws Exception {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException();
            }
        };
        String text = print(order().fields(Field.of("a", 1), Field.of("bad", bad), Field.of("b", 2)).build());
        assertEquals("12:00:01.123 INFO  ORDER_CREATED Order created a=1"
                + " bad=<unwritable: java.lang.IllegalStateException> b=2\n", text);
    }
}
