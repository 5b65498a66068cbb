package dev.signals.router.config;

import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.router.spi.SinkSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, located reads of one config object. Remembers which keys were read, so that
 * {@link #rejectUnknownKeys()} can refuse a key nobody understood (a typo such as
 * {@code "minSeverty"} must not be ignored silently).
 */
public class ConfigObject implements SinkSettings {

    private final ConfigNode node;
    private final String name;
    private final String type;
    private final Set<String> read = new HashSet<>();
    private final List<ConfigObject> children = new ArrayList<>();
    private final Function<ConfigNode, Sink> sinkResolver;

    /**
     * @param node an object node
     * @param name the sink name, for sink settings; else a label for messages
     * @param type the sink type, for sink settings; else {@code null}
     */
    public ConfigObject(ConfigNode node, String name, String type) {
        this(node, name, type, null);
    }

    /**
     * @param sinkResolver finds the sink a string node names, for {@link #sink(String)}
     */
    public ConfigObject(ConfigNode node, String name, String type, Function<ConfigNode, Sink> sinkResolver) {
        this.sinkResolver = sinkResolver;
        if (node.kind() != ConfigNode.Kind.OBJECT) {
            throw node.error("expected an object, found " + node.describe());
        }
        this.node = node;
        this.name = name;
        this.type = type;
    }

    /** The node this reads. */
    public ConfigNode node() {
        return node;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean has(String key) {
        return node.get(key) != null;
    }

    @Override
    public Set<String> keys() {
        return node.members().keySet();
    }

    /** Marks a key as understood without reading it (a key handled elsewhere). */
    public void accept(String... keys) {
        read.addAll(Arrays.asList(keys));
    }

    /** Refuses the first key, here or in a nested object read from here, that was neither read nor accepted. */
    public void rejectUnknownKeys() {
        for (String key : node.members().keySet()) {
            if (!read.contains(key)) {
                ConfigNode v = node.get(key);
                throw new ConfigException(v.source(), v.line(), v.column(), v.path(),
                        "unknown key '" + key + "'" + (type != null ? " for sink type '" + type + "'" : ""));
            }
        }
        for (ConfigObject child : children) {
            child.rejectUnknownKeys();
        }
    }

    /** The raw node at {@code key}, marked as read, or {@code null}. */
    public ConfigNode raw(String key) {
        read.add(key);
        return node.get(key);
    }

    private ConfigNode expect(String key, ConfigNode.Kind kind, String what) {
        ConfigNode v = raw(key);
        if (v != null && v.kind() != kind) {
            throw v.error("expected " + what + ", found " + v.describe());
        }
        return v;
    }

    @Override
    public String string(String key, String defaultValue) {
        ConfigNode v = expect(key, ConfigNode.Kind.STRING, "a string");
        return v == null ? defaultValue : v.text();
    }

    @Override
    public String requiredString(String key) {
        ConfigNode v = expect(key, ConfigNode.Kind.STRING, "a string");
        if (v == null) {
            throw missing(key);
        }
        if (v.text().isBlank()) {
            throw v.error("must not be blank");
        }
        return v.text();
    }

    /** A required value of any kind. */
    public ConfigNode required(String key) {
        ConfigNode v = raw(key);
        if (v == null) {
            throw missing(key);
        }
        return v;
    }

    private ConfigException missing(String key) {
        String path = node.path().isEmpty() ? key : node.path() + "." + key;
        return new ConfigException(node.source(), node.line(), node.column(), path, "required key '" + key + "' is missing");
    }

    @Override
    public String choice(String key, String defaultValue, String... allowed) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw node.get(key).error("'" + value + "' is not one of " + String.join(", ", allowed));
    }

    @Override
    public long longValue(String key, long defaultValue, long min, long max) {
        ConfigNode v = expect(key, ConfigNode.Kind.NUMBER, "a whole number");
        if (v == null) {
            return defaultValue;
        }
        Number n = v.number();
        if (!(n instanceof Long)) {
            throw v.error("expected a whole number between " + min + " and " + max + ", found " + n);
        }
        long value = n.longValue();
        if (value < min || value > max) {
            throw v.error(value + " is out of range: must be between " + min + " and " + max);
        }
        return value;
    }

    @Override
    public int intValue(String key, int defaultValue, int min, int max) {
        return (int) longValue(key, defaultValue, min, max);
    }

    @Override
    public double doubleValue(String key, double defaultValue, double min, double max) {
        ConfigNode v = expect(key, ConfigNode.Kind.NUMBER, "a number");
        if (v == null) {
            return defaultValue;
        }
        double value = v.number().doubleValue();
        if (!(value >= min && value <= max)) {
            throw v.error(v.number() + " is out of range: must be between " + min + " and " + max);
        }
        return value;
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        ConfigNode v = expect(key, ConfigNode.Kind.BOOLEAN, "true or false");
        return v == null ? defaultValue : v.bool();
    }

    @Override
    public Severity severity(String key, Severity defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw node.get(key).error(e.getMessage());
        }
    }

    @Override
    public Duration millis(String key, Duration defaultValue, Duration min, Duration max) {
        if (!has(key)) {
            read.add(key);
            return defaultValue;
        }
        return Duration.ofMillis(longValue(key, 0, min.toMillis(), max.toMillis()));
    }

    @Override
    public Path path(String key, Path defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            if (value.isBlank()) {
                throw new InvalidPathException(value, "blank");
            }
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw node.get(key).error("invalid path '" + value + "': " + e.getReason());
        }
    }

    @Override
    public List<String> strings(String key) {
        ConfigNode v = expect(key, ConfigNode.Kind.ARRAY, "an array of strings");
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (ConfigNode item : v.items()) {
                if (item.kind() != ConfigNode.Kind.STRING) {
                    throw item.error("expected a string, found " + item.describe());
                }
                out.add(item.text());
            }
        }
        return out;
    }

    @Override
    public ConfigObject object(String key) {
        ConfigNode v = expect(key, ConfigNode.Kind.OBJECT, "an object");
        if (v == null) {
            return null;
        }
        ConfigObject child = new ConfigObject(v, name, type, sinkResolver);
        children.add(child);
        return child;
    }

    @Override
    public Sink sink(String key) {
        ConfigNode v = expect(key, ConfigNode.Kind.STRING, "the name of a sink");
        if (v == null) {
            return null;
        }
        if (sinkResolver == null) {
            throw v.error("sink references are not available here");
        }
        return sinkResolver.apply(v);
    }

    @Override
    public ConfigException invalid(String key, String message) {
        ConfigNode v = node.get(key);
        return v != null ? v.error(message)
                : new ConfigException(node.source(), node.line(), node.column(),
                        node.path().isEmpty() ? key : node.path() + "." + key, message);
    }
}
