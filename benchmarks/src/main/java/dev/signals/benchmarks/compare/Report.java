package dev.signals.benchmarks.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one JMH run of the comparison ({@code jmh.json}, from {@code -rf json}) and the line
 * counts the file scenarios recorded ({@code lines.tsv}, see {@link FileScenario}) into the
 * tables of {@code docs/performance.md}: speeds, bytes allocated per event, ratios of Signals to
 * Log4j 2 and to Logback, line counts, and whether each target is met.
 *
 * <p>Exits with status 1 when a benchmark has no result (its fork failed), when a framework wrote
 * fewer (or more) lines than calls were made, or when a framework wrote fewer lines in an
 * iteration than the operations JMH reports for it; 0 otherwise, met targets or not.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.signals.benchmarks.compare.Report jmh.json lines.tsv</pre>
 */
public final class Report {

    static final String[] FRAMEWORKS = {"Signals", "Log4j", "Logback"};
    static final String[] SCENARIOS = {"disabled", "timeTravel", "asyncFile", "syncFile"};
    static final int[] THREADS = {1, 2};

    /**
     * What "the event itself" weighs, for the time-travel target, with compressed references:
     * the {@code Event} (48 bytes), its {@code Field[5]} (40) and five {@code Field}s (24 each).
     */
    static final double EVENT_BYTES = 48 + 40 + 5 * 24;

    /** One benchmark's figures. */
    static final class Result {
        String framework;
        String scenario;
        int threads;
        double opsPerSecond;
        double opsError;
        double bytesPerOp = Double.NaN;
        double iterationSeconds;
        List<Double> iterationScores = new ArrayList<>();
        // The file scenarios only, from lines.tsv:
        long calls = -1;
        long lines = -1;
        long bytes;
        long measuredLines;
        double measuredWindow;
        double minRate = Double.MAX_VALUE;
        double maxRate;
        List<Long> iterationLines = new ArrayList<>();
        List<String> statuses = new ArrayList<>();

        boolean isFile() {
            return scenario.endsWith("File");
        }

        /** Operations per second the comparison uses: lines reaching the file (drain included) for the file scenarios. */
        double speed() {
            return isFile() ? sustained() : opsPerSecond;
        }

        double sustained() {
            return measuredWindow == 0 ? Double.NaN : measuredLines / measuredWindow;
        }

        /** Time per operation on one thread. */
        double nanosPerOp() {
            return threads * 1e9 / opsPerSecond;
        }
    }

    private final Map<String, Result> results = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Report JMH_JSON LINES_TSV");
            System.exit(2);
        }
        Report report = new Report();
        report.readJmh(Path.of(args[0]));
        report.readLines(Path.of(args[1]));
        report.check();
        report.print(System.out);
        System.exit(report.problems.isEmpty() ? 0 : 1);
    }

    static String key(String framework, String scenario, int threads) {
        return framework + "." + scenario + "." + threads;
    }

    void readJmh(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (JsonNode b : root) {
            String name = b.get("benchmark").asText(); // dev.signals.benchmarks.compare.Log4jCompare.asyncFile_2threads
            String[] parts = name.split("\\.");
            String framework = parts[parts.length - 2].replace("Compare", "");
            String scenario = parts[parts.length - 1].replaceAll("_.*", "");
            Result r = new Result();
            r.framework = framework;
            r.scenario = scenario;
            r.threads = b.get("threads").asInt();
            JsonNode primary = b.get("primaryMetric");
            if (!"ops/s".equals(primary.get("scoreUnit").asText())) {
                throw new IllegalArgumentException(name + ": expected ops/s, found " + primary.get("scoreUnit"));
            }
            r.opsPerSecond = primary.get("score").asDouble();
            r.opsError = primary.get("scoreError").asDouble();
            for (JsonNode fork : primary.get("rawData")) {
                for (JsonNode score : fork) {
                    r.iterationScores.add(score.asDouble());
                }
            }
            r.iterationSeconds = seconds(b.get("measurementTime").asText());
            JsonNode norm = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
            if (!norm.isMissingNode()) {
                r.bytesPerOp = norm.get("score").asDouble();
            }
            results.put(key(framework, scenario, r.threads), r);
        }
    }

    /** "2 s", "500 ms" → seconds. */
    static double seconds(String jmhTime) {
        String[] p = jmhTime.trim().split(" ");
        double v = Double.parseDouble(p[0]);
        switch (p[1]) {
            case "s": return v;
            case "ms": return v / 1e3;
            case "us": return v / 1e6;
            case "min": return v * 60;
            default: throw new IllegalArgumentException("time unit of " + jmhTime);
        }
    }

    void readLines(Path tsv) throws IOException {
        if (!Files.exists(tsv)) {
            problems.add("no line counts at " + tsv + ": no file scenario ran");
            return;
        }
        List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split("\t");
            String[] parts = c[0].split("\\.");
            String framework = parts[parts.length - 2].replace("Compare", "");
            String scenario = parts[parts.length - 1].replaceAll("_.*", "");
            int threads = Integer.parseInt(c[1]);
            Result r = results.computeIfAbsent(key(framework, scenario, threads), k -> {
                Result missing = new Result();
                missing.framework = framework;
                missing.scenario = scenario;
                missing.threads = threads;
                missing.opsPerSecond = Double.NaN;
                return missing;
            });
            r.calls = Long.parseLong(c[3]);
            r.lines = Long.parseLong(c[4]);
            r.bytes = Long.parseLong(c[6]);
            r.statuses.add(c[9]);
            if (c[2].startsWith("measurement")) {
                long n = Long.parseLong(c[5]);
                double window = Double.parseDouble(c[7]);
                r.iterationLines.add(n);
                r.measuredLines += n;
                r.measuredWindow += window;
                r.minRate = Math.min(r.minRate, n / window);
                r.maxRate = Math.max(r.maxRate, n / window);
            }
        }
    }

    void check() {
        for (String f : FRAMEWORKS) {
            for (String s : SCENARIOS) {
                for (int t : THREADS) {
                    if (s.equals("timeTravel") && !f.equals("Signals")) {
                        continue;
                    }
                    Result r = results.get(key(f, s, t));
                    if (r == null || Double.isNaN(r.opsPerSecond)) {
                        problems.add(f + " " + s + " at " + t + " thread(s): no JMH result (the fork failed; see jmh.log)");
                        continue;
                    }
                    if (!r.isFile()) {
                        continue;
                    }
                    if (r.calls < 0) {
                        problems.add(f + " " + s + " at " + t + " thread(s): no line counts recorded");
                    } else if (r.lines != r.calls || r.statuses.stream().anyMatch(x -> !x.equals("OK"))) {
                        problems.add(String.format(Locale.ROOT,
                                "%s %s at %d thread(s): %d lines written for %d calls; iterations: %s",
                                f, s, t, r.lines, r.calls, r.statuses));
                    }
                    // JMH's claimed operations per measurement iteration can never exceed the lines.
                    for (int i = 0; i < Math.min(r.iterationScores.size(), r.iterationLines.size()); i++) {
                        double claimed = r.iterationScores.get(i) * r.iterationSeconds;
                        if (r.iterationLines.get(i) < claimed * 0.999) {
                            problems.add(String.format(Locale.ROOT,
                                    "%s %s at %d thread(s), measurement %d: %d lines written, JMH claims %.0f operations",
                                    f, s, t, i + 1, r.iterationLines.get(i), claimed));
                        }
                    }
                }
            }
        }
    }

    void print(PrintStream out) {
        out.println();
        out.println("Speed (file scenarios: lines per second reaching the file, drain included; others: calls)"
                + " and bytes allocated per event by all threads (gc.alloc.rate.norm).");
        out.println("Ratios are Signals' speed divided by the other's: above 1, Signals is faster.");
        out.println("Log4j 2's fields as a " + style(Log4jCompare.DISABLED_MAP) + " (disabled), "
                + style(Log4jCompare.ASYNC_MAP) + " (async file), " + style(Log4jCompare.SYNC_MAP) + " (sync file).");
        out.println();
        out.println("| scenario | threads | Signals | Log4j 2 | Logback | Signals ÷ Log4j 2 | Signals ÷ Logback |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String s : SCENARIOS) {
            for (int t : THREADS) {
                Result sig = results.get(key("Signals", s, t));
                Result l4j = results.get(key("Log4j", s, t));
                Result lb = results.get(key("Logback", s, t));
                out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", label(s), t, cell(sig), cell(l4j),
                        cell(lb), ratio(sig, l4j), ratio(sig, lb));
            }
        }
        out.println();
        out.println("Lines in the files (scenarios 3 and 4): every call must have produced one well-formed JSON line"
                + " (checked with jackson-core after each iteration).");
        out.println();
        out.println("| scenario | threads | framework | calls | lines | status | lines/s per iteration (min–max) | JMH ops/s | bytes/line |");
        out.println("|---|---:|---|---:|---:|---|---:|---:|---:|");
        for (String s : new String[] {"asyncFile", "syncFile"}) {
            for (int t : THREADS) {
                for (String f : FRAMEWORKS) {
                    Result r = results.get(key(f, s, t));
                    if (r == null) {
                        out.printf("| %s | %d | %s | — | — | no result | — | — | — |%n", label(s), t, name(f));
                        continue;
                    }
                    String status = r.calls < 0 ? "no counts" : r.lines == r.calls && !r.statuses.contains("LOST")
                            && !r.statuses.contains("EXTRA") ? "OK" : "**LINES MISSING**";
                    out.printf(Locale.ROOT, "| %s | %d | %s | %,d | %,d | %s | %s–%s | %s | %s |%n", label(s), t,
                            name(f), r.calls, r.lines, status, rate(r.minRate), rate(r.maxRate), rate(r.opsPerSecond),
                            r.lines > 0 ? String.format(Locale.ROOT, "%.0f", (double) r.bytes / r.lines) : "—");
                }
            }
        }
        out.println();
        out.println("Targets:");
        out.println();
        targets(out);
        out.println();
        if (problems.isEmpty()) {
            out.println("Line counts: every framework wrote exactly one well-formed line per call.");
        } else {
            out.println("PROBLEMS:");
            for (String p : problems) {
                out.println("  - " + p);
            }
        }
    }

    private void targets(PrintStream out) {
        for (int t : THREADS) {
            Result d = results.get(key("Signals", "disabled", t));
            Result floor = results.get(key("Signals", "harness", t));
            if (d != null) {
                verdict(out, d.nanosPerOp() <= 2 && d.bytesPerOp < 0.5, String.format(Locale.ROOT,
                        "disabled, %d thread(s): %.2f ns/op and %.1f B/op (target: at most 2 ns/op and 0 B/op)%s",
                        t, d.nanosPerOp(), d.bytesPerOp, floor == null ? "" : String.format(Locale.ROOT,
                                "; an empty benchmark with the same state costs %.2f ns/op here", floor.nanosPerOp())));
            }
        }
        for (int t : THREADS) {
            Result tt = results.get(key("Signals", "timeTravel", t));
            if (tt != null) {
                verdict(out, tt.nanosPerOp() <= 60 && tt.bytesPerOp <= EVENT_BYTES + 0.5, String.format(Locale.ROOT,
                        "time-travel buffer, %d thread(s): %.1f ns/op and %.0f B/op (target: at most 60 ns/op,"
                                + " no more than the event itself, %.0f B)", t, tt.nanosPerOp(), tt.bytesPerOp,
                        EVENT_BYTES));
            }
        }
        for (int t : THREADS) {
            Result sig = results.get(key("Signals", "asyncFile", t));
            Result l4j = results.get(key("Log4j", "asyncFile", t));
            Result lb = results.get(key("Logback", "asyncFile", t));
            if (sig != null && l4j != null && lb != null) {
                double r1 = sig.speed() / l4j.speed();
                double r2 = sig.speed() / lb.speed();
                verdict(out, r1 >= 1.5 && r2 >= 2 && sig.bytesPerOp <= l4j.bytesPerOp, String.format(Locale.ROOT,
                        "asynchronous file, %d thread(s): %.2f× Log4j 2 and %.2f× Logback; %.0f B/op against Log4j 2's"
                                + " %.0f (target: ≥ 1.5×, ≥ 2×, no more bytes than Log4j 2)", t, r1, r2, sig.bytesPerOp,
                        l4j.bytesPerOp));
            }
        }
        for (int t : THREADS) {
            Result sig = results.get(key("Signals", "syncFile", t));
            Result l4j = results.get(key("Log4j", "syncFile", t));
            if (sig != null && l4j != null) {
                double r = sig.speed() / l4j.speed();
                verdict(out, r >= 1.2, String.format(Locale.ROOT,
                        "synchronous file, %d thread(s): %.2f× Log4j 2 (target: ≥ 1.2×)", t, r));
            }
        }
    }

    private static void verdict(PrintStream out, boolean met, String text) {
        out.println("- " + (met ? "MET     " : "MISSED  ") + text);
    }

    static String style(boolean map) {
        return map ? "MapMessage" : "parameterised message";
    }

    static String label(String scenario) {
        switch (scenario) {
            case "disabled": return "1. disabled";
            case "timeTravel": return "2. time-travel buffer";
            case "asyncFile": return "3. async JSON file";
            default: return "4. sync JSON file";
        }
    }

    static String name(String framework) {
        return framework.equals("Log4j") ? "Log4j 2" : framework;
    }

    static String cell(Result r) {
        if (r == null) {
            return "—";
        }
        if (Double.isNaN(r.opsPerSecond)) {
            return "failed";
        }
        String bytes = Double.isNaN(r.bytesPerOp) ? "" : String.format(Locale.ROOT, ", %.0f B", r.bytesPerOp);
        if (r.isFile()) {
            return rate(r.speed()) + " lines/s" + bytes;
        }
        double ns = r.nanosPerOp();
        return String.format(Locale.ROOT, ns < 10 ? "%.2f ns" : "%.1f ns", ns) + bytes;
    }

    static String ratio(Result signals, Result other) {
        if (signals == null || other == null || Double.isNaN(signals.speed()) || Double.isNaN(other.speed())) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f×", signals.speed() / other.speed());
    }

    static String rate(double perSecond) {
        if (Double.isNaN(perSecond) || perSecond == Double.MAX_VALUE) {
            return "—";
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }
}
