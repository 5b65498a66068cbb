package dev.signals.cli.snapshot;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code signals snapshot list|cat|stats …}: reads the snapshot files ({@code signals-*.jsonl.lz4})
 * that Signals' snapshot sink writes.
 *
 * <p>Exit status: 0 when everything was read; 1 when a file is damaged or unreadable (what
 * could be read was printed first, and each problem is named on stderr with its byte offset);
 * 2 for a command line it does not accept. It never prints a stack trace: an unexpected
 * failure is one line on stderr.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, version = "signals 0.1.0",
        description = "Reads the snapshot files (signals-*.jsonl.lz4) that Signals' snapshot sink writes.",
        subcommands = {ListCommand.class, CatCommand.class, StatsCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 all read; 1 a file is damaged or unreadable (events before the damage are printed,",
                "then the problem with its byte offset on stderr); 2 a wrong command line.", "",
                "The files are standard LZ4 frames of JSON lines: lz4 -dc FILE | jq . reads them too."})
public final class SnapshotCommand implements Callable<Integer> {

    /** Everything read. */
    public static final int OK = 0;
    /** A file was damaged or could not be read, or standard output went away. */
    public static final int DAMAGED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    final OutputStream stdout;
    final PrintStream stderr;

    /**
     * A command that writes what it reads to {@code stdout} (unbuffered: it buffers itself, and
     * notices when the reader of a pipe goes away) and its problems to {@code stderr}.
     */
    public SnapshotCommand(OutputStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Without a command: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given; expected list, cat or stats");
    }
}
