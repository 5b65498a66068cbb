package dev.signals.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.signals.example.orders.tracing.Tracing;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * Runs the example with {@code OTEL_TRACES_EXPORTER=zipkin} against a local endpoint that speaks
 * Zipkin's v2 HTTP API and decodes what arrives with Zipkin's own codec, as a Zipkin server
 * would: OpenTelemetry's Zipkin exporter, chosen by the SDK's autoconfigure module, sends every
 * span; each service is a service of its own, and client and server spans keep their kinds, from
 * which Zipkin draws its dependency graph.
 */
class OrdersZipkinTest {

    private static final List<Span> SPANS = new CopyOnWriteArrayList<>();
    private static HttpServer zipkin;
    private static Tracing tracing;
    private static String endpoint;

    @BeforeAll
    static void runAgainstAZipkinEndpoint() throws Exception {
        zipkin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        zipkin.createContext("/api/v2/spans", exchange -> {
            try (InputStream raw = exchange.getRequestBody();
                 InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                         ? new GZIPInputStream(raw) : raw) {
                SPANS.addAll(SpanBytesDecoder.JSON_V2.decodeList(in.readAllBytes()));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        zipkin.start();
        endpoint = "http://127.0.0.1:" + zipkin.getAddress().getPort() + "/api/v2/spans";
        tracing = Tracing.start("signals-orders", true,
                Map.of("OTEL_TRACES_EXPORTER", "zipkin", "OTEL_EXPORTER_ZIPKIN_ENDPOINT", endpoint));
        AllInOneRun.run(Options.parse("--duration", "2s", "--rate", "15", "--seed", "11", "--chaos", "low"));
        tracing.close();
    }

    @AfterAll
    static void stopZipkin() {
        zipkin.stop(0);
    }

    @Test
    void theSummarySaysZipkinAndWhereAndEverySpanArrived() {
        assertEquals(Tracing.Mode.EXPORT, tracing.mode());
        assertFalse(SPANS.isEmpty());
        assertEquals(tracing.spansExported(), SPANS.size(), tracing.describe());
        assertEquals("zipkin to " + endpoint + ": " + SPANS.size() + " spans exported, 0 failed;"
                + " as signals-orders-<service> (one service.name per service)", tracing.describe());
    }

    @Test
    void eachServiceIsAZipkinServiceAndSpansKeepTheirKinds() {
        Map<String, Set<Span.Kind>> kindsByService = new TreeMap<>();
        for (Span s : SPANS) {
            kindsByService.computeIfAbsent(s.localServiceName(), k -> new TreeSet<>()).add(s.kind());
            Span.Kind expected = s.name().startsWith("call ") || s.name().equals("place_order")
                    ? Span.Kind.CLIENT : Span.Kind.SERVER;
            assertEquals(expected, s.kind(), s.name());
        }
        List<String> expected = new ArrayList<>();
        for (ServiceName s : ServiceName.values()) {
            expected.add("signals-orders-" + s.id());
        }
        expected.add("signals-orders-loadgen");
        assertEquals(new TreeSet<>(expected), kindsByService.keySet(), "the 7 services and the load generator");
        assertEquals(Set.of(Span.Kind.CLIENT, Span.Kind.SERVER), kindsByService.get("signals-orders-order"),
                "the order service serves and calls");
        assertTrue(kindsByService.get("signals-orders-payment").contains(Span.Kind.SERVER), kindsByService.toString());
    }
}
