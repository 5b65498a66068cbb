package dev.signals.slf4j;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.spi.LoggerLevels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which signals the bridged loggers emit. By default a log call emits its level's signal
 * ({@code Signal.DEBUG} for {@code log.debug(...)}), and a level is on when its signal is routed.
 * Per logger name, two things can be set:
 *
 * <ul>
 *   <li>a <b>signal prefix</b> ({@link #map}): the logger emits signals of its own, so a
 *       library's logging can be routed apart from everything else;</li>
 *   <li>a <b>minimum severity</b> ({@link #minSeverity}): levels below it are off whatever the
 *       routes, to keep a chatty library quiet where {@code *} is routed (the time-travel buffer
 *       of the default config takes every signal).</li>
 * </ul>
 *
 * <pre>{@code
 * Slf4jSignals.map("com.zaxxer.hikari", "DB_POOL");
 * // com.zaxxer.hikari and every logger below it now emit DB_POOL_TRACE … DB_POOL_ERROR,
 * // each at its level's severity; route them with the pattern DB_POOL_*
 * Slf4jSignals.minSeverity("org.apache.hc.client5.http.wire", Severity.INFO);
 * // the HTTP client's byte-by-byte DEBUG logging is off, even where DEBUG is routed
 * }</pre>
 *
 * <p>A logger takes each setting from its own name or from its nearest ancestor that has it
 * (names split at dots). Settings are read at start-up from {@value #RESOURCE} on the class
 * path, or from the file named by the system property {@value #PROPERTY}: one
 * {@code logger.name = PREFIX}, {@code logger.name = LEVEL} or {@code logger.name = PREFIX LEVEL}
 * per line, where LEVEL is {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN},
 * {@code ERROR} or {@code OFF}; a wrong entry there is reported on stderr and skipped. Settings
 * made in code apply at once to loggers that already exist. The SLF4J provider, the
 * {@code java.util.logging} handler, the {@code System.Logger} bridge and the Log4j API provider
 * of {@code signals-log4j} all follow them.
 *
 * <p>Levels are better set in the config file, whose {@code "loggers"} section (like Logback's
 * {@code <logger>} and {@code <root>}) is reloaded with it: a minimum severity set here, in code
 * or in {@value #RESOURCE}, for a logger or one of its ancestors takes precedence over it.
 */
public final class Slf4jSignals {

    /** The class-path resource read at start-up. */
    public static final String RESOURCE = "signals-slf4j.properties";
    /** The system property naming a mapping file to read instead of {@value #RESOURCE}. */
    public static final String PROPERTY = "signals.slf4j.config";

    private static final Object LOCK = new Object();
    private static volatile SignalMapping current = MappingFile.load(System.getProperty(PROPERTY),
            Thread.currentThread().getContextClassLoader(), System.err);

    private Slf4jSignals() {
    }

    /**
     * Maps {@code loggerName} and the loggers below it to the signals {@code signalPrefix + "_TRACE"}
     * … {@code signalPrefix + "_ERROR"}, declared at the severities of their levels. Replaces an
     * earlier prefix of the same name.
     *
     * @throws IllegalArgumentException when the logger name is blank or holds white space, when
     *     the prefix does not make valid signal names, or when one of those signals is already
     *     declared with another severity
     */
    public static void map(String loggerName, String signalPrefix) {
        synchronized (LOCK) {
            current = current.withPrefix(loggerName, signalPrefix);
        }
    }

    /**
     * Turns off the levels below {@code minSeverity} for {@code loggerName} and the loggers below
     * it, whatever the routes: their level checks answer false and their calls are dropped before
     * any formatting. {@code Severity.FATAL} turns the logger off altogether (no bridged API logs
     * at FATAL). Replaces an earlier minimum of the same name.
     *
     * @throws IllegalArgumentException when the logger name is blank or holds white space
     */
    public static void minSeverity(String loggerName, Severity minSeverity) {
        synchronized (LOCK) {
            current = current.withMinSeverity(loggerName, minSeverity);
        }
    }

    /**
     * Removes what was set for {@code loggerName}, prefix and minimum severity (not what was set
     * for the names below it, which have their own).
     *
     * @return false when nothing was set for the name
     */
    public static boolean unmap(String loggerName) {
        synchronized (LOCK) {
            SignalMapping next = current.without(loggerName);
            boolean changed = next != current;
            current = next;
            return changed;
        }
    }

    /**
     * What is set, by logger name, written as in a mapping file: {@code PREFIX}, {@code LEVEL} or
     * {@code PREFIX LEVEL}; a read-only snapshot.
     */
    public static Map<String, String> mappings() {
        Map<String, String> out = new LinkedHashMap<>();
        current.entries().forEach((name, entry) -> out.put(name, entry.toString()));
        return Map.copyOf(out);
    }

    /**
     * The signal a call at {@code severity} on the logger {@code loggerName} emits now (what to
     * route, or to assert on in a test), or {@code null} when the logger's minimum severity turns
     * that level off. {@code FATAL}, which the bridged APIs lack, answers the ERROR signal.
     */
    public static Signal signalFor(String loggerName, Severity severity) {
        return current().resolve(loggerName).forSeverity(severity);
    }

    /** The mapping in force, under the config's {@code "loggers"} levels in force: a logger compares it by identity. */
    static SignalMapping current() {
        SignalMapping m = current;
        LoggerLevels levels = Signals.loggerLevels();
        if (m.configLevels() != levels) {
            synchronized (LOCK) {
                m = current.withConfigLevels(levels);
                current = m;
            }
        }
        return m;
    }
}
