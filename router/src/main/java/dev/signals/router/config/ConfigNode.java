package dev.signals.router.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value of a parsed config document, with where it stands: the source, line, column and
 * key path. Immutable. Equality compares values only, never locations, so a reload can tell
 * whether a sink's settings changed although the lines around it moved.
 */
public final class ConfigNode {

    /** The JSON kinds of value. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    private final Kind kind;
    private final Object value;
    private final String source;
    private final int line;
    private final int column;
    private final String path;

    private ConfigNode(Kind kind, Object value, String source, int line, int column, String path) {
        this.kind = kind;
        this.value = value;
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
    }

    static ConfigNode object(Map<String, ConfigNode> members, String source, int line, int column, String path) {
        return new ConfigNode(Kind.OBJECT, Collections.unmodifiableMap(new LinkedHashMap<>(members)), source, line, column, path);
    }

    static ConfigNode array(List<ConfigNode> items, String source, int line, int column, String path) {
        return new ConfigNode(Kind.ARRAY, List.copyOf(items), source, line, column, path);
    }

    static ConfigNode scalar(Kind kind, Object value, String source, int line, int column, String path) {
        return new ConfigNode(kind, value, source, line, column, path);
    }

    public Kind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The key path, such as {@code sinks.audit.async.queue} or {@code routes[2]}. */
    public String path() {
        return path;
    }

    /** The members of an object, in document order. */
    @SuppressWarnings("unchecked")
    public Map<String, ConfigNode> members() {
        return kind == Kind.OBJECT ? (Map<String, ConfigNode>) value : Map.of();
    }

    /** The items of an array. */
    @SuppressWarnings("unchecked")
    public List<ConfigNode> items() {
        return kind == Kind.ARRAY ? (List<ConfigNode>) value : List.of();
    }

    public ConfigNode get(String key) {
        return members().get(key);
    }

    public String text() {
        return kind == Kind.STRING ? (String) value : null;
    }

    /** A number as parsed: Long for integers that fit, Double or BigInteger otherwise. */
    public Number number() {
        return kind == Kind.NUMBER ? (Number) value : null;
    }

    public boolean bool() {
        return kind == Kind.BOOLEAN && (Boolean) value;
    }

    /** The kind as a user would say it, for messages. */
    public String describe() {
        switch (kind) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            default: return "null";
        }
    }

    /** An error about this value. */
    public ConfigException error(String problem) {
        return new ConfigException(source, line, column, path, problem);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfigNode)) {
            return false;
        }
        ConfigNode n = (ConfigNode) o;
        return kind == n.kind && Objects.equals(value, n.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
