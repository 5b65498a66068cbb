package dev.signals.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.signals.example.orders.load.LoadReport;
import dev.signals.example.orders.load.OrderResult;
import dev.signals.example.orders.tracing.Tracing;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the example with {@code OTEL_EXPORTER_OTLP_ENDPOINT} pointing at a local OTLP/HTTP endpoint
 * that decodes what arrives with the official protobuf classes, as Jaeger would: every call
 * between services is a client span and a server span, children of one another across the
 * HTTP hop, all in the trace of the order; and, through the config's {@code otel-spans} sink,
 * the events emitted inside a span are events of it.
 */
class OrdersTracingTest {

    private static final List<ExportTraceServiceRequest> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer collector;
    private static Tracing tracing;
    private static LoadReport report;
    private static final List<ResourceSpans> RESOURCES = new ArrayList<>();
    private static final List<Span> SPANS = new ArrayList<>();

    @BeforeAll
    static void runWithAnOtlpEndpoint() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                RECEIVED.add(ExportTraceServiceRequest.parseFrom(in.readAllBytes()));
            }
            byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        collector.start();
        tracing = Tracing.start("signals-orders-test", true,
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort()));
        report = AllInOneRun.run(Options.parse("--duration", "2s", "--rate", "15", "--seed", "11", "--chaos", "low"));
        tracing.close();
        for (ExportTraceServiceRequest request : RECEIVED) {
            for (ResourceSpans rs : request.getResourceSpansList()) {
                RESOURCES.add(rs);
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    SPANS.addAll(ss.getSpansList());
                }
            }
        }
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @Test
    void everySpanReachedTheEndpoint() {
        assertEquals(Tracing.Mode.EXPORT, tracing.mode());
        assertFalse(SPANS.isEmpty());
        assertEquals(tracing.spansExported(), SPANS.size(), tracing.describe());
        assertTrue(tracing.describe().startsWith("otlp (http/protobuf) to http://127.0.0.1:" + collector.getAddress().getPort()
                + "/v1/traces: " + SPANS.size() + " spans exported, 0 failed; as signals-orders-test-<service>"),
                tracing.describe());
    }

    @Test
    void eachServiceIsAServiceNameResourceOfItsOwn() {
        Map<String, Set<String>> spansByService = new TreeMap<>();
        for (ResourceSpans rs : RESOURCES) {
            String service = attribute(rs.getResource().getAttributesList(), "service.name");
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (Span s : ss.getSpansList()) {
                    spansByService.computeIfAbsent(service, k -> new TreeSet<>()).add(s.getName());
                    assertEquals(service, "signals-orders-test-" + attribute(s.getAttributesList(), "service"),
                            s.getName() + " is exported as the service its field names");
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (ServiceName s : ServiceName.values()) {
            expected.add("signals-orders-test-" + s.id());
        }
        assertEquals(7, expected.size());
        expected.add("signals-orders-test-loadgen");
        assertEquals(expected, spansByService.keySet(), "the 7 services and the load generator");
        assertTrue(spansByService.get("signals-orders-test-payment").contains("payment POST /payments/authorize"),
                spansByService.toString());
        assertTrue(spansByService.get("signals-orders-test-order").contains("call payment POST /payments/authorize"),
                "a client span is its caller's: " + spansByService);
    }

    @Test
    void spanKindsArrive() {
        for (Span s : SPANS) {
            Span.SpanKind expected = s.getName().startsWith("call ") || s.getName().equals("place_order")
                    ? Span.SpanKind.SPAN_KIND_CLIENT : Span.SpanKind.SPAN_KIND_SERVER;
            assertEquals(expected, s.getKind(), s.getName());
        }
    }

    @Test
    void eachShippedOrderIsOneTraceThroughEveryServiceWithClientAndServerSpans() {
        int checked = 0;
        for (OrderResult result : report.outcomes().results()) {
            if (result.status() != OrderResult.Status.SHIPPED) {
                continue;
            }
            List<Span> spans = new ArrayList<>();
            for (Span s : SPANS) {
                if (result.orderId().equals(attribute(s.getAttributesList(), "order_id"))) {
                    spans.add(s);
                }
            }
            Set<String> traceIds = new HashSet<>();
            Set<String> names = new TreeSet<>();
            for (Span s : spans) {
                traceIds.add(hex(s.getTraceId().toByteArray()));
                names.add(s.getName());
            }
            assertEquals(1, traceIds.size(), result.orderId() + ": " + names);
            for (String expected : List.of("place_order", "order POST /orders",
                    "call user POST /users/lookup", "user POST /users/lookup",
                    "call pricing POST /prices/quote", "pricing POST /prices/quote",
                    "call inventory POST /inventory/reserve", "inventory POST /inventory/reserve",
                    "call payment POST /payments/authorize", "payment POST /payments/authorize",
                    "call payment POST /payments/capture", "payment POST /payments/capture",
                    "call shipping POST /shipments", "shipping POST /shipments",
                    "call notification POST /notifications", "notification POST /notifications")) {
                assertTrue(names.contains(expected), result.orderId() + " has no span " + expected + ": " + names);
            }
            for (Span server : spans) {
                if (server.getName().startsWith("call ") || server.getName().equals("place_order")) {
                    continue;
                }
                String client = server.getName().equals("order POST /orders") ? "place_order"
                        : "call " + server.getName();
                Set<String> clientIds = new HashSet<>();
                for (Span s : spans) {
                    if (s.getName().equals(client)) {
                        clientIds.add(hex(s.getSpanId().toByteArray()));
                    }
                }
                assertTrue(clientIds.contains(hex(server.getParentSpanId().toByteArray())),
                        server.getName() + " of " + result.orderId() + " is not a child of a " + client + " span");
            }
            List<Span> orderSpans = new ArrayList<>();
            spans.stream().filter(sp -> sp.getName().equals("order POST /orders")).forEach(orderSpans::add);
            assertEquals(1, orderSpans.size(), result.orderId());
            Set<String> events = new TreeSet<>();
            orderSpans.get(0).getEventsList().forEach(ev -> events.add(ev.getName()));
            assertTrue(events.containsAll(List.of("ORDER_CREATED", "ORDER_VALIDATED", "ORDER_PROCESSED", "ORDER_SHIPPED")),
                    result.orderId() + ": the otel-spans sink made the order's events events of its span: " + events);
            checked++;
        }
        assertTrue(checked > 0, "no order shipped");
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(key)) {
                return kv.getValue().getStringValue();
            }
        }
        return null;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
