package dev.signals.sinks.reader;

import dev.signals.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code stats FILE...}: what the files hold (after the filters): each file's header, the
 * event count, the time span, counts per severity, per signal, per thread, and the traces.
 * Events found in several snapshots of one process are counted once.
 */
final class StatsCommand {

    /** How many traces are listed by name; the rest are only counted. */
    static final int TOP_TRACES = 10;

    private StatsCommand() {
    }

    /** @return the problems met, one message each */
    static List<String> run(CliOptions options, Output out) throws Output.StdoutClosed {
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        Map<String, Long> signals = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> traces = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long[] totals = new long[2]; // events, events outside any trace
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        String[] spanText = new String[2];
        boolean dedupe = options.operands.size() > 1;
        Scan scan = new Scan();
        scan.read(options.operands, e -> {
            if (!options.filter.test(e) || (dedupe && !seen.add(e.source().origin() + "#" + e.seq()))) {
                return;
            }
            totals[0]++;
            severities.merge(e.severity(), 1L, Long::sum);
            signals.merge(e.signal(), 1L, Long::sum);
            threads.merge(e.thread(), 1L, Long::sum);
            if (e.traceId() == null) {
                totals[1]++;
            } else {
                traces.merge(e.traceId(), 1L, Long::sum);
            }
            if (e.timeMicros() < span[0]) {
                span[0] = e.timeMicros();
                spanText[0] = e.time();
            }
            if (e.timeMicros() > span[1]) {
                span[1] = e.timeMicros();
                spanText[1] = e.time();
            }
        });
        out.line("files: " + scan.headers.size());
        for (SnapshotInfo h : scan.headers) {
            out.line("  " + safe(h.file().toString()) + ": reason " + quoted(h.reason()) + ", trigger " + safe(h.triggerKind())
                    + ", created " + safe(h.created()) + ", service " + quoted(h.service()) + ", host " + quoted(h.host())
                    + ", pid " + h.pid() + ", capacity " + h.capacity() + ", events " + h.events()
                    + ", lost before window " + h.lostBeforeWindow());
            printOpenSpans(out, h, "    ");
        }
        out.line("events: " + totals[0]);
        if (totals[0] > 0) {
            out.line("time span: " + spanText[0] + " .. " + spanText[1] + " (" + seconds(span[1] - span[0]) + " s)");
        }
        out.line("severities:");
        for (Severity s : Severity.values()) {
            out.line(String.format(Locale.ROOT, "  %-5s %10d", s.name(), severities.getOrDefault(s, 0L)));
        }
        out.line("signals: " + signals.size());
        table(out, signals, Integer.MAX_VALUE);
        out.line("threads: " + threads.size());
        table(out, threads, Integer.MAX_VALUE);
        out.line("traces: " + traces.size() + " distinct, " + totals[1] + " event(s) outside any trace");
        table(out, traces, TOP_TRACES);
        if (traces.size() > TOP_TRACES) {
            out.line("  ... " + (traces.size() - TOP_TRACES) + " more");
        }
        return scan.problems;
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
        StringBuilder sb = new StringBuilder();
        PrettyLine.safe(sb, s);
        return sb.toString();
    }
}
