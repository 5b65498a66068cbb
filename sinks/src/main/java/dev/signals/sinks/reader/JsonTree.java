package dev.signals.sinks.reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain Java objects for snapshot readers ({@link SnapshotEvent#fields()}): objects are {@link LinkedHashMap}s (key
 * order kept), arrays {@link List}s, numbers {@link JsonNumber}s (their text as written),
 * strings, booleans and {@code null}.
 */
public final class JsonTree {

    /** Parsers for lines a snapshot may hold: limits generous enough for any event Signals writes. */
    static final JsonFactory JSON = JsonFactory.builder()
            // No ThreadLocal buffer pool: a pooled thread would keep an undeployed application loaded.
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(LineSplitter.MAX_LINE)
                    .maxNestingDepth(1_000)
                    .build())
            .build();

    private JsonTree() {
    }

    /** A number, kept as the text it was written as. */
    public record JsonNumber(String text) {
        /** The value, or {@code null} when the text is not a decimal (never for valid JSON). */
        public BigDecimal decimal() {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The one JSON object in {@code text}.
     *
     * @throws IOException when {@code text} is not exactly one JSON object
     */
    static Map<String, Object> parseObject(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            Map<String, Object> map = readObject(p);
            if (p.nextToken() != null) {
                throw new IOException("text after the JSON object");
            }
            return map;
        }
    }

    /** Reads the rest of an object whose START_OBJECT was just read. */
    static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IOException("malformed JSON object");
            }
            String key = p.currentName();
            map.put(key, readValue(p, p.nextToken()));
        }
        return map;
    }

    /** The value whose first token is {@code t}. */
    static Object readValue(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of JSON");
        }
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    list.add(readValue(p, v));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /** Compact JSON text for a value made by this class. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List) {
            g.writeStartArray();
            for (Object o : (List<?>) value) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof JsonNumber) {
            g.writeNumber(((JsonNumber) value).text());
        } else if (value instanceof Boolean) {
            g.writeBoolean((Boolean) value);
        } else {
            g.writeString(value.toString());
        }
    }
}
