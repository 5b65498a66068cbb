package dev.signals.sinks.reader;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The snapshot reader's command line ({@code bin/signals-snapshot}, or
 * {@code java -jar sinks/target/signals-snapshot.jar}).
 *
 * <p>Exit status: 0 when everything was read; 1 when a file is damaged or unreadable (what
 * could be read was printed first, and each problem is named on stderr with its byte offset);
 * 2 for a command line it does not accept. It never prints a stack trace: an unexpected
 * failure is one line on stderr.
 */
public final class SnapshotCli {

    /** Everything read. */
    public static final int OK = 0;
    /** A file was damaged or could not be read. */
    public static final int DAMAGED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = String.join("\n",
            "Usage: signals-snapshot COMMAND [OPTIONS] ARGS",
            "",
            "Read the snapshot files (signals-*.jsonl.lz4) that Signals' snapshot sink writes.",
            "",
            "Commands:",
            "  list DIR             one line per snapshot in DIR: creation time, reason, events, bytes, file",
            "  cat FILE...          the events as Event JSON lines (as stored); several files are merged",
            "                       by time, and an event found in several snapshots of one process is shown once",
            "  stats FILE...        headers, event count, time span, counts per severity, signal, thread, trace",
            "",
            "Filters (cat and stats; all given must hold):",
            "  --signal PATTERN     a signal name, a prefix ending in * (PAYMENT_*), or *; repeat for any of several",
            "  --min-severity SEV   TRACE, DEBUG, INFO, WARN, ERROR or FATAL",
            "  --trace ID           events of one trace (trace_id)",
            "  --field KEY=VALUE    a field equal to VALUE (numbers by value; KEY may be a path: error.type); repeatable",
            "  --since TIME         at or after TIME, RFC 3339: 2026-11-23T03:21:41Z, 2026-11-23T04:21:41.5+01:00",
            "  --until TIME         at or before TIME",
            "  --last N             only the last N events that pass",
            "",
            "Output (cat):",
            "  --pretty             one readable line per event instead of JSON",
            "",
            "  --help               this text",
            "",
            "Exit status: 0 all read; 1 a file is damaged or unreadable (events before the damage are printed,",
            "then the problem with its byte offset on stderr); 2 a wrong command line.",
            "",
            "The files are standard LZ4 frames of JSON lines: lz4 -dc FILE | jq . reads them too.",
            "");

    private SnapshotCli() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, new FileOutputStream(FileDescriptor.out), System.err);
        System.exit(status);
    }

    /**
     * Runs one command line.
     *
     * @return the exit status
     */
    public static int run(String[] args, OutputStream stdout, PrintStream stderr) {
        Output out = new Output(stdout);
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (UsageException e) {
            stderr.println("signals-snapshot: " + e.getMessage());
            stderr.println("Try 'signals-snapshot --help'.");
            return USAGE;
        }
        try {
            if (options.help) {
                out.line(USAGE_TEXT.stripTrailing());
                out.flush();
                return OK;
            }
            List<String> problems;
            switch (options.command) {
                case "list":
                    problems = ListCommand.run(options, out);
                    break;
                case "stats":
                    problems = StatsCommand.run(options, out);
                    break;
                default:
                    problems = CatCommand.run(options, out);
            }
            out.flush();
            for (String p : problems) {
                stderr.println("signals-snapshot: " + p);
            }
            return problems.isEmpty() ? OK : DAMAGED;
        } catch (Output.StdoutClosed e) {
            // The reader of our output went away (| head): nothing more to say, and nobody to say it to.
            return DAMAGED;
        } catch (OutOfMemoryError e) {
            stderr.println("signals-snapshot: out of memory holding the events; read fewer files at once,"
                    + " use --last, or give the JVM more (JAVA_OPTS=-Xmx2g)");
            return DAMAGED;
        } catch (RuntimeException | StackOverflowError e) {
            stderr.println("signals-snapshot: internal error: " + e + " (please report it)");
            return DAMAGED;
        }
    }
}
