package dev.signals.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that is not accepted: one line naming the command and what is wrong, one
 * pointing to its {@code --help}, nothing on standard output, exit status 2.
 */
final class UsageErrors implements IParameterExceptionHandler {

    /** The exit status of a wrong command line. */
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println(name + ": " + message(e, command));
        err.println("Try '" + name + " --help'.");
        return USAGE;
    }

    private static String message(ParameterException e, CommandLine command) {
        if (e instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && command.getParseResult() != null && !command.getParseResult().hasSubcommand()) {
            String first = unmatched.getUnmatched().get(0);
            if (!first.startsWith("-")) {
                return "unknown command '" + first + "'; expected one of " + command.getSubcommands().keySet();
            }
        }
        return e.getMessage();
    }
}
