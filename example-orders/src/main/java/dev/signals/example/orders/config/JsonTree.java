package dev.signals.example.orders.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config document as plain values, read and written back with jackson-databind: objects are
 * {@link LinkedHashMap}s (key order kept), arrays {@link List}s, whole numbers {@code Integer},
 * {@code Long} or {@code BigInteger} and the others {@code BigDecimal} (both exact, so numbers
 * are written back as they were read), and strings, booleans and {@code null} as themselves.
 * Reads what the router's parser reads ({@code //} and {@code /* *}{@code /} comments, trailing
 * commas) and, like it, refuses duplicate keys; comments are not kept.
 */
final class JsonTree {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonTree() {
    }

    /**
     * Reads a document whose top level is an object.
     *
     * @throws IOException when the text is not such a document
     */
    static Map<String, Object> parseObject(String text) throws IOException {
        return JSON.readValue(text, OBJECT);
    }

    /** The document as indented JSON text, so that an error in it is easy to locate. */
    static String write(Map<String, Object> root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing plain values to a string failed", e);
        }
    }
}
