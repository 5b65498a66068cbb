package dev.signals.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.example.orders.load.LoadReport;
import dev.signals.example.orders.load.OrderResult;
import dev.signals.router.Router;
import dev.signals.router.RouterStats;
import dev.signals.router.delivery.SinkStats;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the example for a few seconds (every service in this JVM on ephemeral ports, a fixed
 * seed, default chaos with its payment outage) and checks what the example promises: every
 * order ends in exactly one terminal signal, no sink lost anything, and one trace id spans every
 * service an order touched. Waits only for the workload to complete and the router to flush.
 */
class OrdersScenarioTest {

    private static final RecordingSink RECORDED = new RecordingSink();
    private static LoadReport report;
    private static boolean flushed;

    @BeforeAll
    static void runScenario() throws Exception {
        Router.global().route("*", RECORDED);
        Options options = Options.parse("--duration", "4s", "--rate", "20", "--seed", "7", "--peak", "3",
                "--client-rate-limit", "4");
        report = AllInOneRun.run(options);
        flushed = Router.global().flush();
    }

    @Test
    void everyOrderPlacedGotAnAnswer() {
        assertTrue(report.outcomes().attempted() > 40, "attempted " + report.outcomes().attempted());
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
    void noSinkDroppedAnything() {
        assertTrue(flushed, "every sink flushed in time");
        RouterStats stats = Router.global().stats();
        assertNotNull(stats.sink("business"), "the test config is in force: " + stats.sinks().keySet());
        assertNotNull(stats.sink("audit"));
        for (SinkStats s : stats.sinks().values()) {
            assertEquals(0, s.droppedTotal(), s.name() + " dropped " + s.dropped());
            assertEquals(0, s.failures(), s.name() + " failed");
            assertTrue(s.routed() > 0, s.name() + " received nothing");
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

    private static Set<String> ids(List<Event> events) {
        Set<String> out = new TreeSet<>();
        for (Event e : events) {
            out.add(RecordingSink.text(e, "order_id"));
        }
        return out;
    }
}
