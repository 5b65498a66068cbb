package dev.signals.slf4j;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.spi.LoggerLevels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which signals each logger name emits: an immutable table of logger names, each with a signal
 * prefix, a minimum severity, or both. A logger takes the prefix of its own name or of its
 * nearest ancestor that has one ({@code com.zaxxer.hikari} covers
 * {@code com.zaxxer.hikari.pool.HikariPool}, not {@code com.zaxxer.hikaricp}), and the minimum
 * severity likewise, each on its own, as levels are inherited in Logback. A logger with a prefix
 * emits {@code PREFIX_TRACE} … {@code PREFIX_ERROR}, each at its level's severity; one without
 * emits the level signals themselves. Levels below the minimum are off, whatever the routes.
 * Where no entry sets a minimum for a logger or its ancestors, the config's {@code "loggers"}
 * levels ({@link LoggerLevels}) give it.
 *
 * <p>A change makes a new table; resolutions are cached per table, so a new table starts with
 * an empty cache and no logger ever keeps a stale answer. The cache holds at most
 * {@value #MAX_CACHED} logger names (names made from data, as JUL records may carry, would
 * otherwise grow it without end); further names are resolved on each call, a walk up their
 * dotted parents.
 */
final class SignalMapping {

    static final SignalMapping EMPTY = new SignalMapping(Map.of(), LoggerLevels.NONE);

    /** The most logger names whose resolution one table keeps. */
    static final int MAX_CACHED = 10_000;

    private static final Severity[] LEVELS = {Severity.TRACE, Severity.DEBUG, Severity.INFO, Severity.WARN, Severity.ERROR};

    /** One logger name's settings; either part may be {@code null}. */
    record Entry(String prefix, Severity minSeverity) {
        /** The entry as a mapping file writes it: {@code PREFIX}, {@code INFO} or {@code PREFIX INFO}. */
        @Override
        public String toString() {
            String min = minSeverity == null ? null : minSeverity == Severity.FATAL ? "OFF" : minSeverity.name();
            return prefix == null ? min : min == null ? prefix : prefix + " " + min;
        }
    }

    private final Map<String, Entry> entries;
    /** The config's levels, which apply where no entry here sets a minimum severity. */
    private final LoggerLevels configLevels;
    private final Map<String, LevelSignals> byPrefixAndMin = new ConcurrentHashMap<>();
    private final LevelSignals levels = LevelSignals.levels(this);
    private final ConcurrentHashMap<String, LevelSignals> resolved = new ConcurrentHashMap<>();

    private SignalMapping(Map<String, Entry> entries, LoggerLevels configLevels) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.configLevels = configLevels;
    }

    /** The config levels this table was made with: a bridge compares them by identity with those in force. */
    LoggerLevels configLevels() {
        return configLevels;
    }

    /** This table under {@code levels}, the config's {@code "loggers"}; the same table when they are the same. */
    SignalMapping withConfigLevels(LoggerLevels levels) {
        return levels == configLevels ? this : new SignalMapping(entries, levels);
    }

    /**
     * This table with {@code loggerName} mapped to {@code signalPrefix}; the entry's minimum
     * severity, if any, stays.
     *
     * @throws IllegalArgumentException when the logger name is blank or holds white space, when
     *     {@code PREFIX_TRACE} … {@code PREFIX_ERROR} are not valid signal names, or when one of
     *     them is already declared with another severity
     */
    SignalMapping withPrefix(String loggerName, String signalPrefix) {
        checkLoggerName(loggerName);
        declare(signalPrefix);
        Entry old = entries.get(loggerName);
        return with(loggerName, new Entry(signalPrefix, old == null ? null : old.minSeverity()));
    }

    /**
     * This table with levels below {@code minSeverity} off for {@code loggerName} and the loggers
     * below it; the entry's prefix, if any, stays. {@code FATAL} turns every level off.
     *
     * @throws IllegalArgumentException when the logger name is blank or holds white space
     */
    SignalMapping withMinSeverity(String loggerName, Severity minSeverity) {
        checkLoggerName(loggerName);
        if (minSeverity == null) {
            throw new IllegalArgumentException("minimum severity is missing");
        }
        Entry old = entries.get(loggerName);
        return with(loggerName, new Entry(old == null ? null : old.prefix(), minSeverity));
    }

    private SignalMapping with(String loggerName, Entry entry) {
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        next.put(loggerName, entry);
        return new SignalMapping(next, configLevels);
    }

    /** This table without the entry for {@code loggerName}; the same table when there is none. */
    SignalMapping without(String loggerName) {
        if (loggerName == null || !entries.containsKey(loggerName)) {
            return this;
        }
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        next.remove(loggerName);
        return new SignalMapping(next, configLevels);
    }

    /** The entries by logger name; read-only. */
    Map<String, Entry> entries() {
        return entries;
    }

    /** The signals {@code loggerName} emits under this table. */
    LevelSignals resolve(String loggerName) {
        if (entries.isEmpty() && configLevels.isEmpty()) {
            return levels;
        }
        String name = loggerName == null ? "" : loggerName;
        LevelSignals hit = resolved.get(name);
        if (hit == null) {
            hit = lookup(name);
            if (resolved.size() < MAX_CACHED) {
                resolved.putIfAbsent(name, hit);
            }
        }
        return hit;
    }

    /** How many logger names this table has cached. */
    int cachedNames() {
        return resolved.size();
    }

    private LevelSignals lookup(String name) {
        String prefix = null;
        Severity min = null;
        for (String n = name; n != null && (prefix == null || min == null); n = parent(n)) {
            Entry e = entries.get(n);
            if (e != null) {
                prefix = prefix == null ? e.prefix() : prefix;
                min = min == null ? e.minSeverity() : min;
            }
        }
        if (min == null) {
            min = configLevels.minSeverity(name);
        }
        if (prefix == null && min == null) {
            return levels;
        }
        Severity floor = min == null ? Severity.TRACE : min;
        String p = prefix;
        return byPrefixAndMin.computeIfAbsent(p + " " + floor, k -> family(p, floor));
    }

    private LevelSignals family(String prefix, Severity floor) {
        Signal[] s = prefix == null
                ? new Signal[] {Signal.TRACE, Signal.DEBUG, Signal.INFO, Signal.WARN, Signal.ERROR}
                : declare(prefix);
        for (int i = 0; i < s.length; i++) {
            if (!LEVELS[i].isAtLeast(floor)) {
                s[i] = null;
            }
        }
        return new LevelSignals(this, s[0], s[1], s[2], s[3], s[4]);
    }

    private static String parent(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    /**
     * Declares (or finds) the five signals of a prefix, after checking all of them, so a refused
     * prefix declares none.
     */
    private static Signal[] declare(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("signal prefix is missing");
        }
        for (Severity level : LEVELS) {
            String name = prefix + "_" + level.name();
            if (!Signal.isValidName(name)) {
                throw new IllegalArgumentException("'" + prefix + "' cannot prefix a signal name: '" + name
                        + "' must be 1 to 128 characters of A-Z a-z 0-9 _ . -");
            }
            Signal existing = Signal.lookup(name);
            if (existing != null && existing.severity() != level) {
                throw new IllegalArgumentException("signal " + name + " is already declared with severity "
                        + existing.severity() + ", so '" + prefix + "' cannot be used as a prefix");
            }
        }
        Signal[] out = new Signal[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            out[i] = Signal.of(prefix + "_" + LEVELS[i].name(), LEVELS[i]);
        }
        return out;
    }

    private static void checkLoggerName(String loggerName) {
        if (loggerName == null || loggerName.isBlank()) {
            throw new IllegalArgumentException("logger name is missing");
        }
        for (int i = 0; i < loggerName.length(); i++) {
            if (Character.isWhitespace(loggerName.charAt(i))) {
                throw new IllegalArgumentException("logger name '" + loggerName + "' holds white space");
            }
        }
    }
}
