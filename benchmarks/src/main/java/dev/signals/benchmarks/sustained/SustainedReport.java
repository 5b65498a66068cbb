package dev.signals.benchmarks.sustained;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the tables of {@code benchmarks/sustained.sh} from its results file: one row per run,
 * {@code round}, then the {@code RESULT} line of {@link SustainedRun} ({@code RESULT framework
 * threads events seconds lines/s lines status}), or {@code round FAILED framework threads}.
 *
 * <p>Per scenario (asynchronous or synchronous file, and thread count): each framework's median
 * lines/s, min–max and spread ((max − min) / median), then Signals' ratio to each other framework
 * round by round (runs of the same round were made back to back, so their ratio is the fairest)
 * and the median ratio; then the targets of issue #19 and whether every round met them. Exits 1
 * when a run failed or counted other than one line per event.
 */
public final class SustainedReport {

    /** A target: Signals' framework, the other, the threads, the least ratio. */
    private record Target(String signals, String other, int threads, double ratio) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("signals", "log4j2", 2, 1.5),
            new Target("signals", "logback", 2, 2.0),
            new Target("signals", "raw", 1, 0.85),
            new Target("signals-sync", "log4j2-sync", 1, 1.2),
            new Target("signals-sync", "logback-sync", 1, 1.2));

    /** One run's figures. */
    private record Run(int round, String framework, int threads, long events, double seconds, double rate,
                       long lines, String status) {
        boolean ok() {
            return "OK".equals(status);
        }

        String scenario() {
            return (framework.contains("-sync") ? "sync JSON file" : "async JSON file") + ", " + threads
                    + (threads == 1 ? " thread" : " threads");
        }
    }

    /** The order of the rows of each table. */
    private static final List<String> ORDER = List.of("signals", "signals-sync", "log4j2", "log4j2-sync",
            "log4j2-sync-buffered", "logback", "logback-sync", "logback-sync-buffered", "raw");

    private SustainedReport() {
    }

    public static void main(String[] args) throws IOException {
        List<Run> runs = new ArrayList<>();
        boolean failed = false;
        for (String row : Files.readAllLines(Path.of(args[0]))) {
            String[] c = row.split("\t");
            if (c.length == 9 && "RESULT".equals(c[1])) {
                Run run = new Run(Integer.parseInt(c[0]), c[2], Integer.parseInt(c[3]), Long.parseLong(c[4]),
                        Double.parseDouble(c[5]), Double.parseDouble(c[6]), Long.parseLong(c[7]), c[8]);
                runs.add(run);
                if (!run.ok()) {
                    System.out.printf(Locale.ROOT, "round %d %s %d threads: %d lines counted for %d events timed (%s)%n", run.round,
                            run.framework, run.threads, run.lines, run.events, run.status);
                    failed = true;
                }
            } else if (!row.isBlank()) {
                System.out.println("failed run: " + row);
                failed = true;
            }
        }
        Map<String, List<Run>> byScenario = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparing(Run::scenario)
                        .thenComparing(r -> ORDER.indexOf(r.framework) < 0 ? ORDER.size() : ORDER.indexOf(r.framework)))
                .forEach(r -> byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r));
        byScenario.forEach(SustainedReport::printScenario);
        printTargets(runs);
        System.out.println(failed ? "\nSOME RUNS FAILED OR LOST LINES" : "\nevery run wrote exactly one checked line per event");
        System.exit(failed ? 1 : 0);
    }

    private static void printScenario(String scenario, List<Run> runs) {
        Map<String, Map<Integer, Double>> rates = new LinkedHashMap<>(); // framework -> round -> lines/s
        for (Run r : runs) {
            if (r.ok()) {
                rates.computeIfAbsent(r.framework, k -> new TreeMap<>()).put(r.round, r.rate);
            }
        }
        long events = runs.get(0).events;
        System.out.printf(Locale.ROOT, "%n== %s: %,d events a run, %d rounds ==%n", scenario, events,
                runs.stream().mapToInt(Run::round).max().orElse(0));
        System.out.printf("%-22s %12s %25s %8s%n", "framework", "median", "min – max (lines/s)", "spread");
        rates.forEach((framework, byRound) -> {
            double[] v = byRound.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = median(v);
            System.out.printf(Locale.ROOT, "%-22s %12s %25s %7.0f%%%n", framework, rate(median),
                    rate(v[0]) + " – " + rate(v[v.length - 1]), 100 * (v[v.length - 1] - v[0]) / median);
        });
        String signals = rates.keySet().stream().filter(f -> f.startsWith("signals")).findFirst().orElse(null);
        if (signals == null) {
            return;
        }
        Map<Integer, Double> mine = rates.get(signals);
        System.out.printf("%-38s", "ratio, round by round");
        mine.keySet().forEach(round -> System.out.printf("%7s", "r" + round));
        System.out.printf("%8s%n", "median");
        rates.forEach((other, theirs) -> {
            if (other.equals(signals)) {
                return;
            }
            double[] ratios = ratios(mine, theirs);
            System.out.printf("%-38s", signals + " / " + other);
            for (Integer round : mine.keySet()) {
                Double t = theirs.get(round);
                System.out.printf(Locale.ROOT, "%7s", t == null ? "—" : String.format(Locale.ROOT, "%.2f", mine.get(round) / t));
            }
            System.out.printf(Locale.ROOT, "%8.2f%n", median(ratios));
        });
    }

    private static void printTargets(List<Run> runs) {
        System.out.printf("%n== targets (issue #19: met when every round meets it) ==%n");
        for (Target t : TARGETS) {
            Map<Integer, Double> mine = rates(runs, t.signals, t.threads);
            Map<Integer, Double> theirs = rates(runs, t.other, t.threads);
            double[] ratios = ratios(mine, theirs);
            if (ratios.length == 0) {
                continue;
            }
            long met = Arrays.stream(ratios).filter(r -> r >= t.ratio).count();
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-13s %-40s rounds met %d/%d, median %.2f (%.2f–%.2f): %s%n",
                    t.threads + (t.threads == 1 ? " thread" : " threads"),
                    t.signals + " / " + t.other + " >= " + t.ratio, met, ratios.length, median(sorted), sorted[0],
                    sorted[sorted.length - 1], met == ratios.length ? "MET" : "NOT MET");
        }
    }

    private static Map<Integer, Double> rates(List<Run> runs, String framework, int threads) {
        Map<Integer, Double> rates = new TreeMap<>();
        runs.stream().filter(r -> r.ok() && r.framework.equals(framework) && r.threads == threads)
                .forEach(r -> rates.put(r.round, r.rate));
        return rates;
    }

    /** Signals' rate over the other's, for each round both ran. */
    private static double[] ratios(Map<Integer, Double> mine, Map<Integer, Double> theirs) {
        return mine.entrySet().stream().filter(e -> theirs.containsKey(e.getKey()))
                .mapToDouble(e -> e.getValue() / theirs.get(e.getKey())).sorted().toArray();
    }

    /** The median of sorted values. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rate(double linesPerSecond) {
        return linesPerSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", linesPerSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f k", linesPerSecond / 1e3);
    }
}
