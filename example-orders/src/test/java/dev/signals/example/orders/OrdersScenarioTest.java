package dev.signals.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.example.orders.load.LoadReport;
import dev.signals.example.orders.load.OrderResult;
import dev.signals.router.Router;
import dev.signals.router.RouterStats;
import dev.signals.router.delivery.SinkStats;
import dev.signals.sinks.reader.SnapshotEvent;
import dev.signals.sinks.reader.SnapshotInfo;
import dev.signals.sinks.reader.SnapshotReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example as {@code java -jar} does, for a few seconds (every service in this JVM on
 * ephemeral ports, a fixed seed, default chaos with its payment outage, the test config with its
 * snapshots and log files moved to a temporary directory by {@code --snapshot-dir} and
 * {@code --logs-dir}), and checks what the example promises: every order ends in exactly one
 * terminal signal, no sink lost anything, one trace id spans every service an order touched, and
 * a payment failure leaves a snapshot that holds the failed call and what led to it. Waits only
 * for the workload to complete and the router to close.
 */
class OrdersScenarioTest {

    @TempDir
    static Path dir;

    private static final RecordingSink RECORDED = new RecordingSink();
    /** Orders placed: about 4 s at 20 a second on an idle machine, however long a loaded one takes. */
    private static final int ORDERS = 80;

    private static LoadReport report;
    private static String summary;
    private static RouterStats stats;
    private static List<Snapshot> snapshots;

    /** A snapshot file read back with the reader of the {@code sinks} module. */
    private record Snapshot(Path file, SnapshotInfo header, List<SnapshotEvent> events) {

        long triggerSeq() {
            return Long.parseLong(String.valueOf(((Map<?, ?>) header.raw().get("trigger")).get("seq")));
        }

        static Snapshot read(Path file) throws IOException {
            try (SnapshotReader reader = SnapshotReader.open(file)) {
                List<SnapshotEvent> events = new ArrayList<>();
                for (SnapshotEvent e = reader.next(); e != null; e = reader.next()) {
                    events.add(e);
                }
                return new Snapshot(file, reader.header(), events);
            }
        }
    }

    @BeforeAll
    static void runScenario() throws Exception {
        Router.global().route("*", RECORDED);
        Options options = Options.parse("--orders", String.valueOf(ORDERS), "--rate", "20", "--seed", "7", "--peak", "3",
                "--client-rate-limit", "4", "--snapshot-dir", dir.resolve("snapshots").toString(),
                "--logs-dir", dir.resolve("logs").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report = AllInOneRun.runAndReport(options, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        summary = out.toString(StandardCharsets.UTF_8);
        stats = Router.global().stats();
        snapshots = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
            for (Path f : files.sorted().collect(Collectors.toList())) {
                snapshots.add(Snapshot.read(f));
            }
        }
        snapshots.sort(Comparator.comparingLong(Snapshot::triggerSeq));
    }

    @Test
    void everyOrderPlacedGotAnAnswer() {
        assertEquals(ORDERS, report.outcomes().attempted(), "a count, not a duration, ends the run: every order is placed");
        assertEquals(0, report.outcomes().inFlight());
        assertEquals(0, report.outcomes().count(OrderResult.Status.ERROR), report.outcomes().failuresByCause().toString());
        assertEquals(report.outcomes().attempted(), report.outcomes().results().size());
    }

    @Test
    void everyCreatedOrderEndsInExactlyOneTerminalSignal() {
        Set<String> created = new TreeSet<>();
        for (Event e : RECORDED.events(OrderSignals.ORDER_CREATED)) {
            assertTrue(created.add(RecordingSink.text(e, "order_id")), "created twice: " + e);
        }
        Map<String, Integer> terminals = new TreeMap<>();
        for (Event e : RECORDED.events()) {
            if (e.signal() == OrderSignals.ORDER_SHIPPED || e.signal() == OrderSignals.ORDER_CANCELLED) {
                terminals.merge(RecordingSink.text(e, "order_id"), 1, Integer::sum);
            }
        }
        assertEquals(created, terminals.keySet(), "orders created vs orders that ended");
        terminals.forEach((id, n) -> assertEquals(1, n, id + " ended " + n + " times"));

        Set<String> shipped = ids(RECORDED.events(OrderSignals.ORDER_SHIPPED));
        Set<String> cancelled = ids(RECORDED.events(OrderSignals.ORDER_CANCELLED));
        Set<String> rejected = new HashSet<>();
        for (OrderResult r : report.outcomes().results()) {
            switch (r.status()) {
                case SHIPPED:
                    assertTrue(shipped.contains(r.orderId()), r.toString());
                    break;
                case CANCELLED:
                    assertTrue(cancelled.contains(r.orderId()), r.toString());
                    break;
                default:
                    rejected.add(r.orderId());
                    assertFalse(created.contains(r.orderId()), "a refused order was created: " + r);
            }
        }
        assertEquals(report.outcomes().attempted() - rejected.size(), created.size());
        assertFalse(shipped.isEmpty(), "nothing shipped");
    }

    @Test
    void noSinkDroppedAnything() throws IOException {
        assertTrue(Router.global().isClosed());
        assertTrue(stats.sinks().keySet().containsAll(List.of("timeline", "snapshots", "business", "audit", "jaeger")),
                "the test config is in force: " + stats.sinks().keySet());
        for (SinkStats s : stats.sinks().values()) {
            assertTrue(s.routed() > 0, s.name() + " received nothing");
            assertEquals(0, s.droppedTotal(), s.name() + " dropped " + s.dropped());
            assertEquals(0, s.diverted(), s.name() + " diverted");
            assertEquals(0, s.failures(), s.name() + " failed");
            assertEquals(0, s.pending(), s.name() + " still had events pending");
            assertEquals(s.routed(), s.delivered(), s.name());
        }
        for (String sink : List.of("business", "audit")) {
            try (Stream<String> lines = Files.lines(dir.resolve("logs").resolve(sink + ".jsonl"))) {
                assertEquals(stats.sink(sink).delivered(), lines.count(), "lines in " + sink + ".jsonl");
            }
        }
    }

    @Test
    void oneTraceSpansEveryServiceAnOrderTouched() {
        Map<String, Map<String, Set<String>>> traceIdsByOrderAndService = new HashMap<>();
        for (Event e : RECORDED.events()) {
            String order = RecordingSink.text(e, "order_id");
            String service = RecordingSink.text(e, "service");
            if (order == null || service == null) {
                continue;
            }
            assertNotNull(e.traceId(), "an event about an order outside its trace: " + e);
            traceIdsByOrderAndService.computeIfAbsent(order, k -> new TreeMap<>())
                    .computeIfAbsent(service, k -> new TreeSet<>()).add(e.traceId());
        }
        Set<String> everyService = new TreeSet<>(List.of("loadgen"));
        for (ServiceName s : EnumSet.allOf(ServiceName.class)) {
            everyService.add(s.id());
        }
        Set<String> shipped = ids(RECORDED.events(OrderSignals.ORDER_SHIPPED));
        for (Map.Entry<String, Map<String, Set<String>>> order : traceIdsByOrderAndService.entrySet()) {
            Set<String> traceIds = new HashSet<>();
            order.getValue().values().forEach(traceIds::addAll);
            assertEquals(1, traceIds.size(), order.getKey() + " spans several traces: " + order.getValue());
            if (shipped.contains(order.getKey())) {
                assertEquals(everyService, order.getValue().keySet(), order.getKey() + " was shipped without passing every service");
            }
        }
        assertTrue(traceIdsByOrderAndService.keySet().containsAll(shipped));
    }

    @Test
    void resilienceAndSecurityShowUp() {
        assertFalse(RECORDED.events(OrderSignals.RETRY_SCHEDULED).isEmpty(), "no retry in the run");
        assertFalse(RECORDED.events(OrderSignals.PAYMENT_FAILED).isEmpty(), "no payment failed");
        for (Event e : RECORDED.events(OrderSignals.NOTIFICATION_SENT)) {
            assertEquals("***", RecordingSink.text(e, "email"), "the config redacts e-mail addresses");
        }
        for (Event e : RECORDED.events(OrderSignals.PAYMENT_AUTHORIZED)) {
            assertEquals("***", RecordingSink.text(e, "card"), "card tokens are secrets");
        }
        assertEquals(7, RECORDED.events(OrderSignals.SERVICE_STARTED).size());
        assertEquals(7, RECORDED.events(OrderSignals.SERVICE_STOPPED).size());
    }

    @Test
    void aPaymentFailureLeavesASnapshotHoldingTheFailedCallAndWhatLedToIt() {
        List<Snapshot> paymentFailed = snapshots.stream().filter(s -> s.header().reason().equals("PAYMENT_FAILED"))
                .collect(Collectors.toList());
        assertEquals(1, paymentFailed.size(), "one snapshot per reason in the cool-down: " + paymentFailed);
        Snapshot snapshot = paymentFailed.get(0);
        assertEquals(snapshot.header().events(), snapshot.events().size());
        SnapshotEvent trigger = snapshot.events().stream().filter(e -> e.seq() == snapshot.triggerSeq()).findFirst()
                .orElseThrow(() -> new AssertionError("the trigger is not in " + snapshot.file()));
        assertEquals("PAYMENT_FAILED", trigger.signal());
        assertEquals(Severity.ERROR, trigger.severity());
        assertNotNull(trigger.traceId());
        Event failure = RECORDED.events(OrderSignals.PAYMENT_FAILED).stream()
                .filter(e -> e.sequence() == trigger.seq()).findFirst()
                .orElseThrow(() -> new AssertionError("the trigger is no PAYMENT_FAILED the run emitted"));
        String stage = RecordingSink.text(failure, "stage");
        String cause = RecordingSink.text(failure, "cause");
        int attempts = Integer.parseInt(RecordingSink.text(failure, "attempts"));

        List<SnapshotEvent> before = snapshot.events().stream()
                .filter(e -> trigger.traceId().equals(e.traceId()) && e.seq() < trigger.seq())
                .collect(Collectors.toList());
        Set<String> services = new TreeSet<>();
        before.forEach(e -> services.add(String.valueOf(e.fields().get("service"))));
        assertTrue(services.containsAll(List.of("loadgen", "order", "user", "pricing", "inventory")),
                "the order's way to its payment, in one trace: " + services);
        assertTrue(signals(before).containsAll(List.of("ORDER_CREATED", "ORDER_VALIDATED", "INVENTORY_RESERVED")),
                signals(before).toString());
        assertTrue(before.stream().anyMatch(e -> e.severity() == Severity.DEBUG && !e.signal().startsWith("SPAN_")),
                "DEBUG events the console never showed");

        String call = "call payment POST /payments/" + stage;
        List<SnapshotEvent> calls = named(before, "SPAN_STARTED", call);
        List<SnapshotEvent> ends = named(before, "SPAN_ENDED", call);
        int rejectedByTheBreaker = cause.equals("circuit_open") ? 1 : 0;
        assertEquals(attempts - rejectedByTheBreaker, calls.size(), call + " spans before " + failure);
        assertEquals(calls.size(), ends.size(), "every attempt ended before the failure was reported");
        ends.forEach(e -> assertEquals("ERROR", e.fields().get("status"), "a failed attempt: " + e.line()));
        calls.forEach(e -> assertEquals("CLIENT", e.fields().get("span_kind"), "a call to another service: " + e.line()));
        assertEquals(Set.of("CLIENT", "SERVER"), before.stream().filter(e -> e.signal().equals("SPAN_STARTED"))
                .map(e -> String.valueOf(e.fields().get("span_kind"))).collect(Collectors.toSet()),
                "every span of the example is a call or the handling of one");
        long retries = before.stream().filter(e -> e.signal().equals("RETRY_SCHEDULED")
                && ("payment." + stage).equals(e.fields().get("call"))).count();
        assertEquals(attempts - 1, retries, "RETRY_SCHEDULED before " + failure);
        if (rejectedByTheBreaker == 1) {
            assertTrue(signals(before).contains("CIRCUIT_BREAKER_REJECTED"), signals(before).toString());
        }
    }

    @Test
    void everyTriggerLeftOneSnapshotAndTheSummaryNamesThem() {
        Map<String, Set<Long>> triggers = new TreeMap<>();
        for (Event e : RECORDED.events()) {
            if (e.severity().isAtLeast(Severity.ERROR) || e.signal() == OrderSignals.CIRCUIT_BREAKER_OPENED) {
                triggers.computeIfAbsent(e.signal().name(), k -> new TreeSet<>()).add(e.sequence());
            }
        }
        assertTrue(triggers.containsKey("PAYMENT_FAILED"), triggers.keySet().toString());
        Map<String, Integer> files = new TreeMap<>();
        for (Snapshot s : snapshots) {
            files.merge(s.header().reason(), 1, Integer::sum);
            assertTrue(triggers.getOrDefault(s.header().reason(), Set.of()).contains(s.triggerSeq()),
                    s.file() + " was triggered by an event the run emitted");
            assertTrue(summary.contains(s.file().toString()), summary);
        }
        triggers.keySet().forEach(reason -> assertEquals(1, files.get(reason), "snapshots for " + reason + ": " + files));
        assertEquals(triggers.keySet(), files.keySet());
        assertTrue(summary.contains(snapshots.size() + " written to " + dir.resolve("snapshots") + "/"), summary);
        assertTrue(summary.contains("bin/signals-snapshot cat --pretty " + snapshots.get(0).file()), summary);
        String firstTrace = RECORDED.events().stream().filter(e -> e.sequence() == snapshots.get(0).triggerSeq())
                .findFirst().orElseThrow().traceId();
        assertTrue(firstTrace == null || summary.contains("--trace " + firstTrace + " " + snapshots.get(0).file()), summary);
        assertTrue(summary.contains("lz4 -dc " + snapshots.get(0).file() + " | jq ."), summary);
        assertTrue(summary.matches("(?s).*Live +http://127\\.0\\.0\\.1:\\d+/ \\(served while the run lasted.*"), summary);
    }

    private static Set<String> signals(List<SnapshotEvent> events) {
        Set<String> out = new TreeSet<>();
        events.forEach(e -> out.add(e.signal()));
        return out;
    }

    private static List<SnapshotEvent> named(List<SnapshotEvent> events, String signal, String span) {
        return events.stream().filter(e -> e.signal().equals(signal) && span.equals(e.fields().get("span")))
                .collect(Collectors.toList());
    }

    private static Set<String> ids(List<Event> events) {
        Set<String> out = new TreeSet<>();
        for (Event e : events) {
            out.add(RecordingSink.text(e, "order_id"));
        }
        return out;
    }
}
