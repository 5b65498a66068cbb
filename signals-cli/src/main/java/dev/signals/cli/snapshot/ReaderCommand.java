package dev.signals.cli.snapshot;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * What every reader command shares: standard output that may go away, problems on stderr one
 * line each, the exit status, and no stack trace for anything unexpected.
 */
abstract class ReaderCommand implements Callable<Integer> {

    @ParentCommand
    SnapshotCommand parent;

    /** Reads and prints; returns the problems met, one message each. */
    abstract List<String> read(Output out) throws Output.StdoutClosed;

    @Override
    public final Integer call() {
        String name = parent.spec.qualifiedName();
        try {
            Output out = new Output(parent.stdout);
            List<String> problems = read(out);
            out.flush();
            for (String p : problems) {
                parent.stderr.println(name + ": " + p);
            }
            return problems.isEmpty() ? SnapshotCommand.OK : SnapshotCommand.DAMAGED;
        } catch (Output.StdoutClosed e) {
            // The reader of our output went away (| head): nothing more to say, and nobody to say it to.
            return SnapshotCommand.DAMAGED;
        } catch (OutOfMemoryError e) {
            parent.stderr.println(name + ": out of memory holding the events; read fewer files at once,"
                    + " use --last, or give the JVM more (JAVA_OPTS=-Xmx2g)");
            return SnapshotCommand.DAMAGED;
        } catch (RuntimeException | StackOverflowError e) {
            parent.stderr.println(name + ": internal error: " + e + " (please report it)");
            return SnapshotCommand.DAMAGED;
        }
    }
}
