package dev.signals.example.orders.http;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object exchanged between the services: strings, whole numbers, booleans, and lists
 * and objects of those. Read and written with jackson-databind (whole numbers read as
 * {@code Long}, others as {@code Double}). Immutable at the top level.
 */
public final class Body {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
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

    /** The entries, read-only; what the body is written as, also inside another body. */
    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    /** The body as compact JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing plain values to a string failed", e);
        }
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
        try {
            return new Body(Collections.unmodifiableMap(JSON.readValue(json, OBJECT)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON object: " + e.getOriginalMessage(), e);
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
