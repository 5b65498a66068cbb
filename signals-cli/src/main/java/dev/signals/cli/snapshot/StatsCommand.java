package dev.signals.cli.snapshot;

import dev.signals.Severity;
import dev.signals.sinks.reader.SafeText;
import dev.signals.sinks.reader.SnapshotEvent;
import dev.signals.sinks.reader.SnapshotInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code stats FILE...}: what the files hold (after the filters): each file's header, the
 * event count, the time span, counts per severity, per signal, per thread, and the traces.
 * Events found in several snapshots of one process are counted once; with {@code --last N},
 * only the last N events that pass are counted.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Headers, event count, time span, counts per severity, signal, thread, trace.")
final class StatsCommand extends ReaderCommand {

    /** How many traces are listed by name; the rest are only counted. */
    static final int TOP_TRACES = 10;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "snapshot files")
    List<String> files = new ArrayList<>();

    @Mixin
    FilterOptions options;

    @Override
    List<String> read(Output out) throws Output.StdoutClosed {
        Counts counts = new Counts();
        Scan scan = new Scan();
        if (options.last < 0) {
            // No window to hold: count as the files stream by, remembering only which events were seen.
            boolean dedupe = files.size() > 1;
            Set<String> seen = new HashSet<>();
            scan.read(files, e -> {
                if (options.filter.test(e) && (!dedupe || seen.add(Selection.identity(e)))) {
                    counts.add(e);
                }
            });
        } else {
            for (SnapshotEvent e : Selection.read(scan, files, options.filter, options.last)) {
                counts.add(e);
            }
        }
        counts.print(scan, out);
        return scan.problems;
    }

    /** The figures printed, gathered one event at a time. */
    private static final class Counts {
        final Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        final Map<String, Long> signals = new HashMap<>();
        final Map<String, Long> threads = new HashMap<>();
        final Map<String, Long> traces = new HashMap<>();
        long events;
        long outsideTraces;
        long firstMicros = Long.MAX_VALUE;
        long lastMicros = Long.MIN_VALUE;
        String firstText;
        String lastText;

        void add(SnapshotEvent e) {
            events++;
            severities.merge(e.severity(), 1L, Long::sum);
            signals.merge(e.signal(), 1L, Long::sum);
            threads.merge(e.thread(), 1L, Long::sum);
            if (e.traceId() == null) {
                outsideTraces++;
            } else {
                traces.merge(e.traceId(), 1L, Long::sum);
            }
            if (e.timeMicros() < firstMicros) {
                firstMicros = e.timeMicros();
                firstText = e.time();
            }
            if (e.timeMicros() > lastMicros) {
                lastMicros = e.timeMicros();
                lastText = e.time();
            }
        }

        void print(Scan scan, Output out) throws Output.StdoutClosed {
            out.line("files: " + scan.headers.size());
            for (SnapshotInfo h : scan.headers) {
                out.line("  " + safe(h.file().toString()) + ": reason " + quoted(h.reason()) + ", trigger " + safe(h.triggerKind())
                        + ", created " + safe(h.created()) + ", service " + quoted(h.service()) + ", host " + quoted(h.host())
                        + ", pid " + h.pid() + ", capacity " + h.capacity() + ", events " + h.events()
                        + ", lost before window " + h.lostBeforeWindow());
                printOpenSpans(out, h, "    ");
            }
            out.line("events: " + events);
            if (events > 0) {
                out.line("time span: " + firstText + " .. " + lastText + " (" + seconds(lastMicros - firstMicros) + " s)");
            }
            out.line("severities:");
            for (Severity s : Severity.values()) {
                out.line(String.format(Locale.ROOT, "  %-5s %10d", s.name(), severities.getOrDefault(s, 0L)));
            }
            out.line("signals: " + signals.size());
            table(out, signals, Integer.MAX_VALUE);
            out.line("threads: " + threads.size());
            table(out, threads, Integer.MAX_VALUE);
            out.line("traces: " + traces.size() + " distinct, " + outsideTraces + " event(s) outside any trace");
            table(out, traces, TOP_TRACES);
            if (traces.size() > TOP_TRACES) {
                out.line("  ... " + (traces.size() - TOP_TRACES) + " more");
            }
        }
    }

    /** The spans open when {@code h} was taken, one line each, after a count. */
    static void printOpenSpans(Output out, SnapshotInfo h, String indent) throws Output.StdoutClosed {
        List<String> spans = h.openSpanLines();
        out.line(indent + "open spans: " + spans.size()
                + (h.openSpansDropped() > 0 ? " (" + h.openSpansDropped() + " more not listed)" : ""));
        for (String line : spans) {
            out.line(indent + "  " + line);
        }
    }

    private static void table(Output out, Map<String, Long> counts, int limit) throws Output.StdoutClosed {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; i < entries.size() && i < limit; i++) {
            out.line(String.format(Locale.ROOT, "  %10d  %s", entries.get(i).getValue(), safe(entries.get(i).getKey())));
        }
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
    }

    private static String quoted(String s) {
        return "\"" + safe(s) + "\"";
    }

    private static String safe(String s) {
        return SafeText.of(s);
    }
}
