package dev.signals.spi;

import dev.signals.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Levels for the logger names of bridged logging APIs (SLF4J, {@code java.util.logging},
 * {@code System.Logger}, the Log4j API), as the {@code "loggers"} section of a config sets
 * them: the least severity a logger emits at, taken from its own name or its nearest dotted
 * ancestor that has one ({@code com.zaxxer.hikari} covers {@code com.zaxxer.hikari.pool.HikariPool},
 * not {@code com.zaxxer.hikaricp}), else from {@value #ROOT}. Like Logback's {@code <logger>} and
 * {@code <root>}: the longest name wins, raising and lowering alike. {@code OFF} is kept as
 * {@link Severity#FATAL}, which no bridged API logs at. Immutable; a new config makes a new
 * table, so a bridge tells a change by identity.
 */
public final class LoggerLevels {

    /** The name whose level applies to every logger no other name covers. */
    public static final String ROOT = "ROOT";

    /** No levels: every logger emits at every level, and the routes alone decide. */
    public static final LoggerLevels NONE = new LoggerLevels(Map.of());

    private final Map<String, Severity> byName;
    private final Severity root;

    private LoggerLevels(Map<String, Severity> byName) {
        this.byName = byName;
        this.root = byName.get(ROOT);
    }

    /**
     * A table of {@code levels} by logger name ({@value #ROOT} for the root).
     *
     * @throws IllegalArgumentException when a name is blank or holds white space, or a level is missing
     */
    public static LoggerLevels of(Map<String, Severity> levels) {
        Map<String, Severity> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Severity> e : levels.entrySet()) {
            copy.put(checkName(e.getKey()), Objects.requireNonNull(e.getValue(), () -> "no level for logger " + e.getKey()));
        }
        return copy.isEmpty() ? NONE : new LoggerLevels(Map.copyOf(copy));
    }

    /**
     * A level as a config writes it: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN},
     * {@code ERROR} or {@code OFF} (any case); {@code OFF} as {@link Severity#FATAL}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Severity parseLevel(String level) {
        String upper = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "TRACE": return Severity.TRACE;
            case "DEBUG": return Severity.DEBUG;
            case "INFO": return Severity.INFO;
            case "WARN": return Severity.WARN;
            case "ERROR": return Severity.ERROR;
            case "OFF": return Severity.FATAL;
            default:
                throw new IllegalArgumentException("unknown level '" + level + "'; expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        }
    }

    /**
     * The least severity {@code loggerName} emits at: its own level, its nearest ancestor's, or
     * the root's; {@code null} when none is set.
     */
    public Severity minSeverity(String loggerName) {
        if (byName.isEmpty()) {
            return null;
        }
        String name = loggerName == null ? "" : loggerName;
        while (true) {
            Severity s = byName.get(name);
            if (s != null && !ROOT.equals(name)) {
                return s;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return root;
            }
            name = name.substring(0, dot);
        }
    }

    /** Whether no level is set at all. */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The levels by logger name; read-only. */
    public Map<String, Severity> asMap() {
        return byName;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a logger name must not be blank");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                throw new IllegalArgumentException("logger name '" + name + "' holds white space");
            }
        }
        return name;
    }

    @Override
    public String toString() {
        return "LoggerLevels" + byName;
    }
}
