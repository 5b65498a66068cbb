package dev.signals.example.orders.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signals.Signals;
import dev.signals.TraceContext;
import dev.signals.example.orders.ServiceName;
import dev.signals.example.orders.chaos.Chaos;
import dev.signals.example.orders.chaos.ChaosLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service in the middle of a trace passes the caller's W3C trace context on whole: the next
 * service continues the same trace with the same flags and tracestate, over real HTTP.
 */
class TraceHeadersHopTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void flagsAndTracestateReachTheNextService() throws Exception {
        Chaos noChaos = new Chaos(1, ChaosLevel.NONE, Map.of(), Duration.ofSeconds(1));
        HttpClient http = ServiceClient.newHttpClient();
        CompletableFuture<TraceContext> atInventory = new CompletableFuture<>();
        try (HttpService inventory = HttpService.start(ServiceName.INVENTORY, "127.0.0.1", 0, request -> {
                atInventory.complete(Signals.currentTrace());
                return Response.ok(Body.EMPTY);
            }, noChaos);
             HttpService order = HttpService.start(ServiceName.ORDER, "127.0.0.1", 0, request -> {
                 ServiceClient client = new ServiceClient(ServiceName.ORDER,
                         new Peers(Map.of(ServiceName.INVENTORY, inventory.url())), http);
                 return Response.ok(client.call(ServiceName.INVENTORY, "/inventory/reserve", Body.EMPTY,
                         Duration.ofSeconds(10), "o-1:reserve:1"));
             }, noChaos)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(order.url() + "orders"))
                    .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-03")
                    .header("tracestate", "rojo=00f067aa0ba902b7")
                    .header("tracestate", "congo=t61rcWkgMzE")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            assertEquals(200, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            TraceContext seen = atInventory.get(10, TimeUnit.SECONDS);
            assertEquals(TRACE, seen.traceId());
            assertEquals(TraceContext.SAMPLED | TraceContext.RANDOM, seen.flags());
            assertEquals("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", seen.traceState().header());
        }
    }
}
