package dev.signals.example.orders.report;

import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.load.LoadReport;
import dev.signals.example.orders.load.OrderResult;
import dev.signals.example.orders.load.Outcomes;
import dev.signals.router.RouterStats;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text printed at the end of a run, between two rulers: orders by outcome and cause,
 * resilience and security figures, events emitted, what every sink delivered and dropped, the
 * snapshot and log files written, and how spans were handled. Made from figures taken after
 * the router was closed, so nothing is pending and no event line can interleave with it.
 */
public final class Summary {

    private static final int WIDTH = 88;

    private final String title;
    private final List<String[]> lines = new ArrayList<>();

    /** @param title what ran, such as {@code all services in one JVM} */
    public Summary(String title) {
        this.title = title;
    }

    /** Adds a line: a label in the first column and free text. */
    public Summary line(String label, String text) {
        lines.add(new String[] {label, text});
        return this;
    }

    /** Adds the orders: attempted, shipped, cancelled, rejected, errors, and each cause of failure. */
    public Summary orders(LoadReport report) {
        Outcomes o = report.outcomes();
        line("Orders", String.format(Locale.ROOT, "%,d attempted: %,d shipped, %,d cancelled, %,d rejected, %,d errors",
                o.attempted(), o.count(OrderResult.Status.SHIPPED), o.count(OrderResult.Status.CANCELLED),
                o.count(OrderResult.Status.REJECTED), o.count(OrderResult.Status.ERROR)));
        Map<String, Long> causes = o.failuresByCause();
        int width = causes.keySet().stream().mapToInt(String::length).max().orElse(0);
        boolean first = true;
        for (Map.Entry<String, Long> e : causes.entrySet()) {
            line(first ? "  failed by" : "", String.format(Locale.ROOT, "%-" + width + "s %,6d", e.getKey(), e.getValue()));
            first = false;
        }
        return this;
    }

    /** Adds the resilience and security figures, counted from the events. */
    public Summary resilience(EventTally tally) {
        line("Resilience", String.format(Locale.ROOT,
                "breaker opened %d, half-open %d, closed %d; retries %,d (exhausted %,d); timeouts %,d",
                tally.count(OrderSignals.CIRCUIT_BREAKER_OPENED), tally.count(OrderSignals.CIRCUIT_BREAKER_HALF_OPEN),
                tally.count(OrderSignals.CIRCUIT_BREAKER_CLOSED), tally.count(OrderSignals.RETRY_SCHEDULED),
                tally.count(OrderSignals.RETRY_EXHAUSTED), tally.count(OrderSignals.CALL_TIMED_OUT)));
        line("", String.format(Locale.ROOT,
                "stock released %,d, payments voided %,d, refunded %,d, compensations failed %,d; dead letters %,d",
                tally.count(OrderSignals.INVENTORY_RELEASED), tally.count(OrderSignals.PAYMENT_VOIDED),
                tally.count(OrderSignals.PAYMENT_REFUNDED), tally.count(OrderSignals.COMPENSATION_FAILED),
                tally.count(OrderSignals.NOTIFICATION_DEAD_LETTERED)));
        line("Security", String.format(Locale.ROOT, "rate limited %,d, suspicious input %,d, blocked users %,d",
                tally.count(OrderSignals.SECURITY_RATE_LIMITED), tally.count(OrderSignals.SECURITY_SUSPICIOUS_INPUT),
                tally.count(OrderSignals.SECURITY_BLOCKED_USER)));
        return this;
    }

    /** Adds the events emitted and the rate over {@code elapsed}. */
    public Summary events(EventTally tally, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        line("Events", String.format(Locale.ROOT, "%,d emitted in %.1f s (%,.0f/s)", tally.total(), seconds,
                tally.total() / seconds));
        return this;
    }

    /** Adds a table of every sink: routed, delivered, dropped (by reason), failures, breaker. */
    public Summary sinks(RouterStats stats) {
        int nameWidth = 4;
        for (String name : stats.sinks().keySet()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        String format = "%-" + nameWidth + "s %11s %11s %9s %9s  %s";
        line("Sinks", String.format(Locale.ROOT, format, "sink", "routed", "delivered", "dropped", "failures", "circuit"));
        for (SinkStats s : stats.sinks().values()) {
            line("", String.format(Locale.ROOT, format, s.name(), grouped(s.routed()), grouped(s.delivered()),
                    grouped(s.droppedTotal()), grouped(s.failures()), s.circuit() + drops(s)));
        }
        return this;
    }

    private static String drops(SinkStats s) {
        StringBuilder sb = new StringBuilder();
        for (DropReason r : DropReason.values()) {
            if (s.dropped(r) > 0) {
                sb.append(sb.length() == 0 ? "  dropped: " : ", ").append(r).append(' ').append(s.dropped(r));
            }
        }
        if (s.diverted() > 0) {
            sb.append("  diverted to fallback: ").append(s.diverted());
        }
        return sb.toString();
    }

    /**
     * Adds the snapshot files this run wrote, with their sizes and event counts, and the
     * commands that read the first one and its trigger's trace; or says why there are none.
     *
     * @param directories where the config's snapshot sinks write; empty when it has none
     * @param files the files written, in the order their triggers were emitted
     */
    public Summary snapshots(List<Path> directories, List<SnapshotFiles.SnapshotFile> files) {
        if (directories.isEmpty()) {
            line("Snapshots", "none: the config in force has no snapshot sink");
            return this;
        }
        String where = directories.stream().map(d -> d + "/").collect(Collectors.joining(" and "));
        if (files.isEmpty()) {
            line("Snapshots", "none written to " + where + " (no trigger fired)");
            return this;
        }
        line("Snapshots", files.size() + " written to " + where + ":");
        for (SnapshotFiles.SnapshotFile f : files) {
            String events = f.events() < 0 ? f.reason() : String.format(Locale.ROOT, "%,d events", f.events());
            line("", "  " + f.path() + " (" + f.size() + ", " + events + ")");
        }
        SnapshotFiles.SnapshotFile first = files.get(0);
        line("", "read one:        bin/signals-snapshot cat --pretty " + first.path());
        line("", "             or: lz4 -dc " + first.path() + " | jq .");
        if (first.triggerTraceId() != null) {
            line("", "trigger's trace: bin/signals-snapshot cat --pretty --trace " + first.triggerTraceId() + " "
                    + first.path());
        }
        return this;
    }

    /**
     * Adds the files the config's file sinks write, with their sizes.
     *
     * @param files the paths of the file sinks; empty when the config has none
     */
    public Summary logs(List<Path> files) {
        if (files.isEmpty()) {
            line("Logs", "none: the config in force has no file sink");
            return this;
        }
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f).append(" (")
                    .append(Files.isRegularFile(f) ? OutputFiles.humanBytes(OutputFiles.size(f)) : "not written").append(')');
        }
        line("Logs", sb.toString());
        return this;
    }

    /** The summary, ruler to ruler, ending with a newline. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        String head = " Signals orders example: summary (" + title + ") ";
        int side = Math.max(2, (WIDTH - head.length()) / 2);
        sb.append("=".repeat(side)).append(head).append("=".repeat(Math.max(2, WIDTH - side - head.length()))).append('\n');
        for (String[] l : lines) {
            sb.append(String.format(Locale.ROOT, "%-12s", l[0])).append(l[1]).append('\n');
        }
        sb.append("=".repeat(WIDTH)).append('\n');
        return sb.toString();
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
