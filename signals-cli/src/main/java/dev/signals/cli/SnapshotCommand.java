package dev.signals.cli;

import dev.signals.sinks.reader.SnapshotCli;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code signals snapshot list|cat|stats …}: the snapshot reader, with its own options (see {@code --help}). */
@Command(name = "snapshot", description = "Reads snapshot files: list, cat, stats (signals snapshot --help).")
final class SnapshotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ARGS", description = "the reader's command and options")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return SnapshotCli.run(args.toArray(String[]::new), System.out, System.err);
    }
}
