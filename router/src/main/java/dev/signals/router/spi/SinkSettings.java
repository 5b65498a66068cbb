package dev.signals.router.spi;

import dev.signals.Severity;
import dev.signals.Sink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The options of one sink, as given in a config file or in code, read with types and ranges.
 * Every accessor fails with a {@link dev.signals.router.config.ConfigException} that names the
 * file, line, column and key path when a value is present but wrong.
 */
public interface SinkSettings {

    /** The sink's name: its key under {@code "sinks"}. */
    String name();

    /** The sink's type. */
    String type();

    /** True when the key is present. */
    boolean has(String key);

    /** The keys present. */
    Set<String> keys();

    String string(String key, String defaultValue);

    /** A string that must be present and not blank. */
    String requiredString(String key);

    /** One of {@code allowed}, compared exactly. */
    String choice(String key, String defaultValue, String... allowed);

    long longValue(String key, long defaultValue, long min, long max);

    int intValue(String key, int defaultValue, int min, int max);

    double doubleValue(String key, double defaultValue, double min, double max);

    boolean bool(String key, boolean defaultValue);

    Severity severity(String key, Severity defaultValue);

    /** A whole number of milliseconds. */
    Duration millis(String key, Duration defaultValue, Duration min, Duration max);

    /** A path; a relative one is relative to the working directory, as in every logging framework. */
    Path path(String key, Path defaultValue);

    /** An array of strings; empty when absent. */
    List<String> strings(String key);

    /**
     * Another sink of the same config, named by the string at {@code key} (a snapshot sink
     * names its time-travel buffer this way). The named sink is created first if need be;
     * a missing name or a cycle is refused with a located error.
     *
     * @return the sink as its factory made it, or {@code null} when the key is absent
     */
    Sink sink(String key);

    /** A nested object, or {@code null} when absent. */
    SinkSettings object(String key);

    /**
     * The config's top-level {@code "service"}: the name of the service this process runs, for
     * sinks that write it down (snapshot headers), or {@code null} when the config names none
     * (and for settings made in code). A sink that reads it is made anew when a reload changes it.
     */
    default String service() {
        return null;
    }

    /**
     * An error about the value at {@code key}, located in the file, for the factory to throw.
     */
    RuntimeException invalid(String key, String message);
}
