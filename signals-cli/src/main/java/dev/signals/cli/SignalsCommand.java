package dev.signals.cli;

import dev.signals.cli.snapshot.SnapshotCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code signals} command (run by {@code bin/signals}, and by {@code bin/signals-snapshot}
 * as {@code signals snapshot}): {@code tail} and {@code snapshot}.
 */
@Command(name = "signals", mixinStandardHelpOptions = true, version = "signals 0.1.0",
        description = "Signals from a terminal.", subcommands = TailCommand.class)
public final class SignalsCommand {

    private SignalsCommand() {
    }

    /** The command line on the process's standard output and error. */
    static CommandLine commandLine() {
        return commandLine(new FileOutputStream(FileDescriptor.out), System.err);
    }

    /**
     * The command line, ready to run: help and snapshot output go to {@code out}, errors to
     * {@code err}. A wrong command line prints one line saying what is wrong, and where to find
     * help, and gives exit status 2.
     */
    public static CommandLine commandLine(OutputStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new SignalsCommand());
        cl.addSubcommand(new SnapshotCommand(out, err));
        // The reader's filters are setters called once per occurrence: --signal and --field repeat.
        cl.getSubcommands().get("snapshot").setOverwrittenOptionsAllowed(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler(new UsageErrors()); // after the subcommands: it applies to them too
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
