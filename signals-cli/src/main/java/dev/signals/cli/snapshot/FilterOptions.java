package dev.signals.cli.snapshot;

import dev.signals.Severity;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The filters of {@code cat} and {@code stats}, each checked as it is read: a wrong value is a
 * usage error naming the option, before any file is opened.
 */
final class FilterOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    final EventFilter filter = new EventFilter();
    int last = -1;

    @Option(names = "--signal", paramLabel = "PATTERN",
            description = "a signal name, a prefix ending in * (PAYMENT_*), or *; repeat for any of several")
    void signal(String pattern) {
        try {
            filter.signal(pattern);
        } catch (IllegalArgumentException e) {
            throw wrong("--signal: " + e.getMessage());
        }
    }

    @Option(names = "--min-severity", paramLabel = "SEV", description = "TRACE, DEBUG, INFO, WARN, ERROR or FATAL")
    void minSeverity(String severity) {
        try {
            filter.minSeverity(Severity.parse(severity));
        } catch (IllegalArgumentException e) {
            throw wrong("--min-severity: " + e.getMessage());
        }
    }

    @Option(names = "--trace", paramLabel = "ID", description = "events of one trace (trace_id)")
    void trace(String id) {
        if (id.isBlank()) {
            throw wrong("--trace needs a trace id");
        }
        filter.trace(id.trim());
    }

    @Option(names = "--field", paramLabel = "KEY=VALUE",
            description = "a field equal to VALUE (numbers by value; KEY may be a path: error.type); repeat for all of several")
    void field(String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw wrong("--field needs KEY=VALUE, got '" + keyValue + "'");
        }
        filter.field(keyValue.substring(0, eq), keyValue.substring(eq + 1));
    }

    @Option(names = "--since", paramLabel = "TIME",
            description = "at or after TIME, RFC 3339: 2026-11-23T03:21:41Z, 2026-11-23T04:21:41.5+01:00")
    void since(String time) {
        filter.since(rfc3339Micros("--since", time));
    }

    @Option(names = "--until", paramLabel = "TIME", description = "at or before TIME")
    void until(String time) {
        filter.until(rfc3339Micros("--until", time));
    }

    @Option(names = "--last", paramLabel = "N", description = "only the last N events that pass")
    void last(String n) {
        try {
            last = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            last = -1;
        }
        if (last < 0) {
            throw wrong("--last needs a whole number of events (0 or more), got '" + n + "'");
        }
    }

    /**
     * An RFC 3339 time ({@code 2026-11-23T03:21:41Z}, {@code 2026-11-23 04:21:41.5+01:00}) in
     * microseconds since the epoch.
     */
    private long rfc3339Micros(String option, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw wrong(option + ": '" + text + "' is not an RFC 3339 time such as 2026-11-23T03:21:41Z"
                    + " or 2026-11-23T04:21:41.5+01:00 (a time zone offset is required)");
        }
    }

    private ParameterException wrong(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
