package dev.signals.cli.snapshot;

import dev.signals.sinks.reader.SafeText;
import dev.signals.sinks.reader.SnapshotEvent;
import dev.signals.sinks.reader.SnapshotInfo;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cat FILE...}: the events that pass the filters, as Event JSON lines (exactly as
 * stored) or {@code --pretty}. One file streams in its stored order; several are merged
 * ({@link Selection}). {@code --last N} keeps the last N events shown.
 */
@Command(name = "cat", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The events as Event JSON lines (as stored); several files merged by time, each event once.",
        footer = {"", "An event found in several snapshots of one process (same host, pid and seq) is shown once."})
final class CatCommand extends ReaderCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "snapshot files")
    List<String> files = new ArrayList<>();

    @Mixin
    FilterOptions options;

    @Option(names = "--pretty", description = "one readable line per event instead of JSON")
    boolean pretty;

    @Override
    List<String> read(Output out) throws Output.StdoutClosed {
        Scan scan = new Scan();
        if (Selection.streams(files, options.last)) {
            scan.read(files, e -> {
                if (options.filter.test(e)) {
                    print(e, out);
                }
            });
        } else {
            for (SnapshotEvent e : Selection.read(scan, files, options.filter, options.last)) {
                print(e, out);
            }
        }
        printOpenSpans(scan, out);
        return scan.problems;
    }

    /** With {@code --pretty}, after the events: the spans still open when each file was taken, if any. */
    private void printOpenSpans(Scan scan, Output out) throws Output.StdoutClosed {
        if (!pretty) {
            return;
        }
        for (SnapshotInfo h : scan.headers) {
            if (h.openSpanLines().isEmpty() && h.openSpansDropped() == 0) {
                continue;
            }
            out.line("-- " + SafeText.of(String.valueOf(h.file().getFileName())) + ":");
            StatsCommand.printOpenSpans(out, h, "   ");
        }
    }

    private void print(SnapshotEvent e, Output out) throws Output.StdoutClosed {
        out.line(pretty ? PrettyLine.format(e) : e.line());
    }
}
