package dev.signals.sinks.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads event lines back for tests: strict UTF-8, exactly one line ending in '\n', exactly one
 * JSON object, no duplicate keys. Numbers come back as BigDecimal (exact), objects as
 * LinkedHashMap (key order kept), arrays as List.
 */
public final class JsonLines {

    private static final JsonFactory PARSERS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonLines() {
    }

    /** Decodes strictly as UTF-8; fails the test on malformed bytes. */
    public static String utf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid UTF-8", e);
        }
    }

    /** The one object of a line that must be exactly one line. */
    public static Map<String, Object> parseLine(byte[] bytes, int length) {
        String text = utf8(bytes, length);
        assertTrue(text.endsWith("\n"), "line ends with a newline");
        assertEquals(text.length() - 1, text.indexOf('\n'), "exactly one newline, at the end");
        assertEquals(-1, text.indexOf('\r'), "no carriage return");
        assertEquals(-1, text.indexOf('\u2028'), "no raw U+2028");
        assertEquals(-1, text.indexOf('\u2029'), "no raw U+2029");
        assertEquals(-1, text.indexOf('\u0085'), "no raw U+0085");
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) < 0x20) {
                fail("raw control character 0x" + Integer.toHexString(text.charAt(i)) + " at " + i);
            }
        }
        return parseObject(text);
    }

    public static Map<String, Object> parseLine(byte[] bytes) {
        return parseLine(bytes, bytes.length);
    }

    public static Map<String, Object> parseLine(String line) {
        return parseLine(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Exactly one JSON object in {@code text}, nothing after it but whitespace. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        try (JsonParser p = PARSERS.createParser(text)) {
            Object value = read(p, p.nextToken());
            assertTrue(value instanceof Map, "a JSON object");
            assertNull(p.nextToken(), "nothing after the object");
            return (Map<String, Object>) value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any JSON value. */
    public static Object parseValue(String text) {
        try (JsonParser p = PARSERS.createParser(text)) {
            Object value = read(p, p.nextToken());
            assertNull(p.nextToken(), "nothing after the value");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    map.put(key, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    list.add(read(p, v));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new BigDecimal(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new AssertionError("unexpected token " + t);
        }
    }

    /** Splits output into lines (each without its '\n'); the output must end with '\n'. */
    public static List<String> lines(String output) {
        assertTrue(output.isEmpty() || output.endsWith("\n"), "output ends with a newline");
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = output.indexOf('\n'); i >= 0; i = output.indexOf('\n', start)) {
            lines.add(output.substring(start, i));
            start = i + 1;
        }
        return lines;
    }

    /** The big decimal {@code text}, for comparing numbers. */
    public static BigDecimal num(String text) {
        return new BigDecimal(text);
    }

    /** A JSON object's member, cast for convenience. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Object value) {
        assertTrue(value instanceof Map, () -> "expected an object, got " + value);
        return (Map<String, Object>) value;
    }

    /** A JSON array, cast for convenience. */
    @SuppressWarnings("unchecked")
    public static List<Object> arr(Object value) {
        assertTrue(value instanceof List, () -> "expected an array, got " + value);
        return (List<Object>) value;
    }
}
