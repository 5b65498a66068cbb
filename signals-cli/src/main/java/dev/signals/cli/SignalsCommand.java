package dev.signals.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code signals} command (run by {@code bin/signals}): {@code tail} and {@code snapshot}. */
@Command(name = "signals", mixinStandardHelpOptions = true, version = "signals 0.1.0",
        description = "Signals from a terminal.", subcommands = {TailCommand.class, SnapshotCommand.class})
public final class SignalsCommand {

    private SignalsCommand() {
    }

    /** The command line, ready to run. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SignalsCommand());
        // The reader parses its own options: hand them over as they are.
        cl.getSubcommands().get("snapshot").setUnmatchedOptionsArePositionalParams(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
