package dev.signals.sinks.reader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code cat FILE...}: the events that pass the filters, as Event JSON lines (exactly as
 * stored) or {@code --pretty}. One file streams in its stored order. Several files are merged
 * by time (then sequence), and an event found in several snapshots of the same process (same
 * host, pid and sequence) is shown once. {@code --last N} keeps the last N events shown.
 */
final class CatCommand {

    private static final Comparator<SnapshotEvent> BY_TIME =
            Comparator.comparingLong(SnapshotEvent::timeMicros).thenComparingLong(SnapshotEvent::seq);

    private CatCommand() {
    }

    /** @return the problems met, one message each */
    static List<String> run(CliOptions options, Output out) throws Output.StdoutClosed {
        Scan scan = new Scan();
        boolean merge = options.operands.size() > 1;
        if (!merge && options.last < 0) {
            scan.read(options.operands, e -> {
                if (options.filter.test(e)) {
                    print(e, options, out);
                }
            });
            printOpenSpans(scan, options, out);
            return scan.problems;
        }
        List<SnapshotEvent> kept = new ArrayList<>();
        Deque<SnapshotEvent> lastOnly = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        scan.read(options.operands, e -> {
            if (!options.filter.test(e)) {
                return;
            }
            if (merge) {
                if (seen.add(e.source().origin() + "#" + e.seq())) {
                    kept.add(e);
                }
            } else {
                // One file with --last: keep only a window of N in memory.
                lastOnly.addLast(e);
                if (lastOnly.size() > options.last) {
                    lastOnly.removeFirst();
                }
            }
        });
        List<SnapshotEvent> shown = merge ? kept : new ArrayList<>(lastOnly);
        if (merge) {
            shown.sort(BY_TIME);
            if (options.last >= 0 && shown.size() > options.last) {
                shown = shown.subList(shown.size() - options.last, shown.size());
            }
        }
        for (SnapshotEvent e : shown) {
            print(e, options, out);
        }
        printOpenSpans(scan, options, out);
        return scan.problems;
    }

    /** With {@code --pretty}, after the events: the spans still open when each file was taken, if any. */
    private static void printOpenSpans(Scan scan, CliOptions options, Output out) throws Output.StdoutClosed {
        if (!options.pretty) {
            return;
        }
        for (SnapshotInfo h : scan.headers) {
            if (h.openSpanLines().isEmpty() && h.openSpansDropped() == 0) {
                continue;
            }
            StringBuilder title = new StringBuilder("-- ");
            PrettyLine.safe(title, String.valueOf(h.file().getFileName()));
            out.line(title.append(':').toString());
            StatsCommand.printOpenSpans(out, h, "   ");
        }
    }

    private static void print(SnapshotEvent e, CliOptions options, Output out) throws Output.StdoutClosed {
        out.line(options.pretty ? PrettyLine.format(e) : e.line());
    }
}
