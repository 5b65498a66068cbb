package dev.signals.cli.snapshot;

import dev.signals.sinks.reader.SnapshotEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The events of {@code cat} and {@code stats} that need holding: several files merged by time
 * (then sequence), an event found in several snapshots of one process (same host, pid and
 * sequence) kept once, and with {@code --last N} only the last N that pass.
 */
final class Selection {

    private static final Comparator<SnapshotEvent> BY_TIME =
            Comparator.comparingLong(SnapshotEvent::timeMicros).thenComparingLong(SnapshotEvent::seq);

    private Selection() {
    }

    /** Whether {@code files} can be streamed event by event, in stored order, without holding any. */
    static boolean streams(List<String> files, int last) {
        return files.size() == 1 && last < 0;
    }

    /** The same for every copy of one event: its process and sequence. */
    static String identity(SnapshotEvent e) {
        return e.source().origin() + "#" + e.seq();
    }

    /** Reads {@code files} through {@code scan} and returns the events that pass, in order. */
    static List<SnapshotEvent> read(Scan scan, List<String> files, EventFilter filter, int last) throws Output.StdoutClosed {
        boolean merge = files.size() > 1;
        List<SnapshotEvent> kept = new ArrayList<>();
        Deque<SnapshotEvent> lastOnly = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        scan.read(files, e -> {
            if (!filter.test(e)) {
                return;
            }
            if (merge) {
                if (seen.add(identity(e))) {
                    kept.add(e);
                }
            } else {
                // One file with --last: keep only a window of N in memory.
                lastOnly.addLast(e);
                if (lastOnly.size() > last) {
                    lastOnly.removeFirst();
                }
            }
        });
        if (!merge) {
            return new ArrayList<>(lastOnly);
        }
        kept.sort(BY_TIME);
        return last >= 0 && kept.size() > last ? kept.subList(kept.size() - last, kept.size()) : kept;
    }
}
