package dev.signals.sinks.reader;

import dev.signals.Severity;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reader's command line: a command, its operands, and options in any order. */
final class CliOptions {

    final String command;
    final List<String> operands = new ArrayList<>();
    final EventFilter filter = new EventFilter();
    boolean pretty;
    int last = -1;
    boolean help;
    private boolean filtered;

    private CliOptions(String command) {
        this.command = command;
    }

    /** @throws UsageException naming the argument at fault */
    static CliOptions parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            CliOptions o = new CliOptions("help");
            o.help = true;
            return o;
        }
        if (!first.equals("list") && !first.equals("cat") && !first.equals("stats")) {
            throw new UsageException("unknown command '" + first + "'; expected list, cat or stats");
        }
        CliOptions o = new CliOptions(first);
        boolean onlyOperands = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (onlyOperands || !arg.startsWith("-")) {
                o.operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyOperands = true;
                continue;
            }
            if (arg.equals("-h")) {
                o.help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help":
                    o.help = true;
                    break;
                case "--pretty":
                    noValue(name, value);
                    o.pretty = true;
                    break;
                case "--signal":
                case "--min-severity":
                case "--trace":
                case "--field":
                case "--since":
                case "--until":
                case "--last":
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    o.option(name, value);
                    break;
                default:
                    throw new UsageException("unknown option '" + name + "'");
            }
        }
        o.check();
        return o;
    }

    private static void noValue(String name, String value) throws UsageException {
        if (value != null) {
            throw new UsageException(name + " takes no value");
        }
    }

    private void option(String name, String value) throws UsageException {
        filtered = filtered || !name.equals("--last");
        switch (name) {
            case "--signal":
                try {
                    filter.signal(value);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--signal: " + e.getMessage());
                }
                break;
            case "--min-severity":
                try {
                    filter.minSeverity(Severity.parse(value));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--min-severity: " + e.getMessage());
                }
                break;
            case "--trace":
                if (value.isBlank()) {
                    throw new UsageException("--trace needs a trace id");
                }
                filter.trace(value.trim());
                break;
            case "--field": {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--field needs KEY=VALUE, got '" + value + "'");
                }
                filter.field(value.substring(0, eq), value.substring(eq + 1));
                break;
            }
            case "--since":
                filter.since(rfc3339Micros(name, value));
                break;
            case "--until":
                filter.until(rfc3339Micros(name, value));
                break;
            case "--last":
                try {
                    last = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    last = -1;
                }
                if (last < 0) {
                    throw new UsageException("--last needs a whole number of events (0 or more), got '" + value + "'");
                }
                break;
            default:
                throw new UsageException("unknown option '" + name + "'");
        }
    }

    private void check() throws UsageException {
        if (help) {
            return;
        }
        switch (command) {
            case "list":
                if (filtered || pretty || last >= 0) {
                    throw new UsageException("list takes no filters or output options");
                }
                if (operands.size() != 1) {
                    throw new UsageException("list needs exactly one directory");
                }
                break;
            case "stats":
                if (pretty) {
                    throw new UsageException("--pretty applies to cat only");
                }
                if (operands.isEmpty()) {
                    throw new UsageException("stats needs at least one snapshot file");
                }
                break;
            default:
                if (operands.isEmpty()) {
                    throw new UsageException("cat needs at least one snapshot file");
                }
        }
    }

    /**
     * An RFC 3339 time ({@code 2026-11-23T03:21:41Z}, {@code 2026-11-23 04:21:41.5+01:00}) in
     * microseconds since the epoch.
     */
    static long rfc3339Micros(String option, String text) throws UsageException {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw new UsageException(option + ": '" + text + "' is not an RFC 3339 time such as 2026-11-23T03:21:41Z"
                    + " or 2026-11-23T04:21:41.5+01:00 (a time zone offset is required)");
        }
    }
}
