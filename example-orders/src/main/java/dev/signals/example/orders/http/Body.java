package dev.signals.example.orders.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object exchanged between the services: strings, whole numbers, booleans, and lists
 * and objects of those. Read and written with jackson-core's streaming API. Immutable.
 */
public final class Body {

    private static final JsonFactory JSON = new JsonFactory();
    /** The empty object. */
    public static final Body EMPTY = new Body(Map.of());

    private final Map<String, Object> values;

    private Body(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * A body of key/value pairs: {@code Body.of("order_id", id, "units", 3)}.
     *
     * @throws IllegalArgumentException for an odd number of arguments or a non-string key
     */
    public static Body of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String)) {
                throw new IllegalArgumentException("keys are strings, found " + keysAndValues[i]);
            }
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Body(Collections.unmodifiableMap(map));
    }

    /** A body holding this map's entries. */
    public static Body of(Map<String, ?> map) {
        return new Body(Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    }

    /** This body with one more (or a replaced) entry. */
    public Body with(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(values);
        map.put(key, value);
        return new Body(Collections.unmodifiableMap(map));
    }

    /** The string at {@code key}, or {@code null} when absent or not a string. */
    public String string(String key) {
        Object v = values.get(key);
        return v instanceof String ? (String) v : null;
    }

    /** The whole number at {@code key}, or {@code fallback}. */
    public long number(String key, long fallback) {
        Object v = values.get(key);
        return v instanceof Number ? ((Number) v).longValue() : fallback;
    }

    /** The boolean at {@code key}, or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        return v instanceof Boolean ? (Boolean) v : fallback;
    }

    /** The list of objects at {@code key}; empty when absent. */
    public List<Body> list(String key) {
        Object v = values.get(key);
        if (!(v instanceof List)) {
            return List.of();
        }
        List<Body> out = new ArrayList<>();
        for (Object item : (List<?>) v) {
            if (item instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) item;
                out.add(new Body(m));
            } else if (item instanceof Body) {
                out.add((Body) item);
            }
        }
        return out;
    }

    /** The entries, read-only. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** The body as compact JSON text. */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeValue(g, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Parses a JSON object; an empty text is the empty body.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static Body parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) readValue(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("unexpected text after the JSON object");
            }
            return new Body(map);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }

    private static Object readValue(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, readValue(p));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected JSON token " + p.currentToken());
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Body) {
            writeValue(g, ((Body) v).values);
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object item : (List<?>) v) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number) {
            g.writeNumber(((Number) v).doubleValue());
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body && ((Body) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
