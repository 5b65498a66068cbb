package dev.signals.sinks.json;

import static dev.signals.sinks.testing.JsonLines.parseLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.sinks.testing.JsonLines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a string holds, the line stays one line of valid UTF-8 holding one JSON object. */
class EventJsonWriterEscapingTest {

    private static final Signal SIGNAL = Signal.of("ESCAPING_TEST");
    private final EventJsonWriter writer = new EventJsonWriter();

    private Event event(String message, Field... fields) {
        return Event.builder(SIGNAL).message(message).epochMicros(0).sequence(1).thread("main").fields(fields).build();
    }

    /** Encodes, checks the one-line/one-object contract, and returns the object. */
    private Map<String, Object> roundTrip(Event e) {
        int length = writer.encode(e);
        return parseLine(writer.buffer(), length);
    }

    private String raw(Event e) {
        int length = writer.encode(e); // first: encoding may replace the buffer
        return JsonLines.utf8(writer.buffer(), length);
    }

    @Test
    void quotesAndBackslashes() {
        String s = "say \"hi\" \\ back\\slash \\\" \\\\";
        Map<String, Object> line = roundTrip(event(s, Field.of("v", s)));
        assertEquals(s, line.get("message"));
        assertEquals(s, line.get("v"));
    }

    @Test
    void everyControlCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append('\u007f');
        String s = all.toString();
        for (int i = 0; i < s.length(); i++) {
            String one = "a" + s.charAt(i) + "b";
            Map<String, Object> line = roundTrip(event(one, Field.of("v", one)));
            assertEquals(one, line.get("message"));
            assertEquals(one, line.get("v"));
        }
        Map<String, Object> line = roundTrip(event(s, Field.of("v", s)));
        assertEquals(s, line.get("message"));
        assertEquals(s, line.get("v"));
    }

    @Test
    void newlinesAndCarriageReturns() {
        String s = "line1\nline2\r\nline3\rend\n";
        String text = raw(event(s, Field.of("v", s)));
        assertTrue(text.contains("\"line1\\nline2\\r\\nline3\\rend\\n\""), text);
        Map<String, Object> line = parseLine(text);
        assertEquals(s, line.get("message"));
        assertEquals(s, line.get("v"));
    }

    @Test
    void lineAndParagraphSeparatorsAndNextLineAreEscaped() {
        String s = "a\u2028b\u2029c\u0085d";
        String text = raw(event(s, Field.of("v", s), Field.of("k\u2028ey", 1)));
        assertTrue(text.contains("a\\u2028b\\u2029c\\u0085d"), text);
        Map<String, Object> line = parseLine(text); // also asserts no raw U+2028/2029/0085
        assertEquals(s, line.get("message"));
        assertEquals(s, line.get("v"));
        assertEquals(JsonLines.num("1"), line.get("k\u2028ey"));
    }

    @Test
    void loneHighSurrogateBecomesReplacementCharacter() {
        // At the end, before an ASCII letter, before a quote (which must not be swallowed), before another high one.
        String[][] cases = {
            {"end\uD83D", "end\uFFFD"},
            {"\uD83Da", "\uFFFDa"},
            {"\uD83D\"", "\uFFFD\""},
            {"\uD83D\\", "\uFFFD\\"},
            {"\uD83D\n", "\uFFFD\n"},
            {"\uD83D\uD83D\uDE00", "\uFFFD\uD83D\uDE00"},
            {"\uD800", "\uFFFD"},
        };
        for (String[] c : cases) {
            Map<String, Object> line = roundTrip(event(c[0], Field.of("v", c[0])));
            assertEquals(c[1], line.get("message"));
            assertEquals(c[1], line.get("v"));
        }
    }

    @Test
    void loneLowSurrogateBecomesReplacementCharacter() {
        String[][] cases = {
            {"\uDE00", "\uFFFD"},
            {"a\uDE00b", "a\uFFFDb"},
            {"\uDE00\uD83D", "\uFFFD\uFFFD"}, // a pair in the wrong order is two lone halves
            {"\uD83D\uDE00\uDE00", "\uD83D\uDE00\uFFFD"},
        };
        for (String[] c : cases) {
            Map<String, Object> line = roundTrip(event(c[0], Field.of("v", c[0])));
            assertEquals(c[1], line.get("message"));
            assertEquals(c[1], line.get("v"));
        }
    }

    @Test
    void loneSurrogatesInKeysAndNestedValues() {
        Map<String, Object> line = roundTrip(event("m",
                Field.of("k\uD800", 1), Field.of("list", List.of("x\uDC00")), Field.of("map", Map.of("\uDBFF", "v"))));
        assertEquals(JsonLines.num("1"), line.get("k\uFFFD"));
        assertEquals(List.of("x\uFFFD"), line.get("list"));
        assertEquals(Map.of("\uFFFD", "v"), line.get("map"));
    }

    @Test
    void validSurrogatePairsAreWrittenAsFourByteUtf8() {
        String s = "emoji \uD83D\uDE00 flag \uD83C\uDDEB\uD83C\uDDF7 max \uDBFF\uDFFF min \uD800\uDC00 é ü 中文";
        String text = raw(event(s, Field.of("v", s), Field.of("\uD83D\uDE80", "rocket")));
        assertFalse(text.toLowerCase().contains("\\ud8"), text);
        assertTrue(text.contains("\uD83D\uDE00"), text);
        Map<String, Object> line = parseLine(text);
        assertEquals(s, line.get("message"));
        assertEquals(s, line.get("v"));
        assertEquals("rocket", line.get("\uD83D\uDE80"));
    }

    @Test
    void surrogatePairsAcrossTheGeneratorsSegmentBoundaries() {
        // jackson-core writes long strings in segments; a pair may fall across any boundary.
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            base.append('a');
        }
        for (int position = 0; position < 9_000; position += 7) {
            String s = new StringBuilder(base).insert(position, "\uD83D\uDE00").toString();
            String text = raw(event("m", Field.of("v", s)));
            assertFalse(text.toLowerCase().contains("\\ud"), "escaped surrogate at " + position);
            assertEquals(s, parseLine(text).get("v"), "position " + position);
        }
    }

    @Test
    void aFiveMegabyteStringIsCutAndItsKeptPartEscaped() {
        StringBuilder sb = new StringBuilder(5 * 1024 * 1024 + 64);
        String chunk = "0123456789abcdef\"\\\n\u2028é\uD83D\uDE00\t";
        while (sb.length() < 5 * 1024 * 1024) {
            sb.append(chunk);
        }
        String s = sb.toString();
        Map<String, Object> line = roundTrip(event(s, Field.of("v", s)));
        String kept = (String) line.get("message");
        assertEquals(Limits.MAX_STRING_CHARS + 1, kept.length()); // a pair at the cut is never split here
        assertEquals(s.substring(0, Limits.MAX_STRING_CHARS) + Limits.MARK, kept);
        assertEquals(kept, line.get("v"));
        assertEquals(new java.math.BigDecimal(2), line.get("_truncated"));
        // The writer recovers its usual footprint once the next, small event starts.
        roundTrip(event("small"));
        assertTrue(writer.buffer().length <= 1 << 18, "buffer shrinks after a large event");
    }

    @Test
    void keysThatNeedEscaping() {
        String[] keys = {"a\"b", "back\\slash", "new\nline", "tab\tkey", "", " ", "\u0000", "{\"x\":1}", "é"};
        Field[] fields = new Field[keys.length];
        for (int i = 0; i < keys.length; i++) {
            fields[i] = Field.of(keys[i], i);
        }
        Map<String, Object> line = roundTrip(event("m", fields));
        for (int i = 0; i < keys.length; i++) {
            assertEquals(JsonLines.num(Integer.toString(i)), line.get(keys[i]), "key " + keys[i]);
        }
    }

    @Test
    void aMessageCannotForgeAnotherEvent() {
        String forged = "\"}\n{\"signal\":\"FAKE\",\"severity\":\"FATAL\",\"message\":\"";
        Map<String, Object> line = roundTrip(event(forged, Field.of("note", forged), Field.of(forged, forged)));
        assertEquals(SIGNAL.name(), line.get("signal"));
        assertEquals("INFO", line.get("severity"));
        assertEquals(forged, line.get("message"));
        assertEquals(forged, line.get("note"));
        assertEquals(forged, line.get(forged));
        assertEquals(List.of("time", "seq", "signal", "severity", "message", "thread", "note", forged),
                List.copyOf(line.keySet()));
    }

    @Test
    void threadNamesAndTraceIdsAreEscapedToo() {
        String odd = "worker \"1\"\n\u2028";
        Event e = Event.builder(SIGNAL).message("m").epochMicros(0).sequence(1).thread(odd).trace(odd, odd).build();
        Map<String, Object> line = roundTrip(e);
        assertEquals(odd, line.get("thread"));
        assertEquals(odd, line.get("trace_id"));
        assertEquals(odd, line.get("span_id"));
    }

    @Test
    void outputIsUtf8() {
        String text = raw(event("é"));
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length > text.length());
        assertEquals("é", parseLine(text).get("message"));
    }
}
