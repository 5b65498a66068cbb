package dev.signals.sinks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.RouterSignals;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.BatchFailedException;
import dev.signals.sinks.http.ScriptedServer.Reply;
import dev.signals.sinks.http.ScriptedServer.Request;
import dev.signals.sinks.testing.Eventually;
import dev.signals.sinks.testing.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The http sink against a real, scripted HTTP server: batching, lingering, retries, timeouts,
 * outages and accounting. Through the router, its figures alone must add up: every event is at
 * the server (and counted delivered), diverted or dropped.
 */
class HttpSinkTest {

    private static final Signal SHIP = Signal.of("HTTP_SHIP");

    private ScriptedServer server;
    private Router router;
    private final Recorder fallback = new Recorder();
    private final Recorder observer = new Recorder();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        if (router != null) {
            router.close(Duration.ofSeconds(5));
        }
        server.close();
        assertEquals(List.of(), server.problems(), "every body was strict NDJSON of Event JSON");
    }

    private HttpSink.Builder sink() {
        return HttpSink.builder(server.uri()).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private static Event event(long seq) {
        return Event.builder(SHIP).sequence(seq).message("shipped " + seq).fields(Field.of("n", seq)).build();
    }

    private void routeAsync(HttpSink sink, DeliveryPolicy.Builder policy) {
        router = new Router();
        router.route("HTTP_*", Severity.TRACE, sink, policy.async(1_024, Overflow.BLOCK).build());
        router.route("SINK_*", observer);
    }

    private void emit(long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            router.dispatch(event(seq));
        }
    }

    private SinkStats routerStats() {
        return router.stats().sinks().values().iterator().next();
    }

    private static List<Long> seqs(List<Event> events) {
        return events.stream().map(Event::sequence).collect(Collectors.toList());
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
    }

    private void assertArrivedExactlyOnce(long from, long to) {
        Map<Long, Integer> got = server.accepted();
        Set<Long> wanted = LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
        assertEquals(wanted, got.keySet(), "every event arrived");
        got.forEach((seq, times) -> assertEquals(1, times, "event " + seq + " arrived once"));
    }

    @Test
    void batchesArePostedAsNdjsonAndGzipBodiesDecode() throws Exception {
        HttpSink sink = sink().batchSize(10).linger(Duration.ofHours(1)).gzip(true).header("X-Tenant", "acme").build();
        for (long seq = 1; seq <= 25; seq++) {
            sink.accept(event(seq));
        }
        assertEquals(2, server.requests().size(), "two full batches left from accept");
        assertEquals(5, sink.stats().pending());
        sink.flush();

        List<Request> requests = server.requests();
        assertEquals(3, requests.size());
        List<Long> seqs = new ArrayList<>();
        for (Request r : requests) {
            assertEquals("gzip", r.header("Content-Encoding"));
            assertEquals("application/x-ndjson", r.header("Content-Type"));
            assertEquals("acme", r.header("X-Tenant"));
            seqs.addAll(r.seqs());
        }
        assertEquals(LongStream.rangeClosed(1, 25).boxed().collect(Collectors.toList()), seqs, "in order, once");
        assertEquals(new HttpSinkStats(25, 0, 25, 0, 0, 3, 0, 0), sink.stats());
        sink.close();
    }

    @Test
    void withNoLingerEachEventLeavesAsSoonAsTheWorkersQueueIsDry() throws Exception {
        HttpSink sink = sink().linger(Duration.ZERO).build();
        assertEquals(Duration.ZERO, sink.linger());
        routeAsync(sink, DeliveryPolicy.builder());
        router.dispatch(event(1));
        assertEquals(List.of(1L), arrival().seqs(), "posted without Router.flush");
        router.dispatch(event(2));
        assertEquals(List.of(2L), arrival().seqs());
        assertTrue(router.flush(Duration.ofSeconds(10)));
        assertEquals(2, routerStats().delivered());
        assertEquals(2, server.requests().size());
    }

    @Test
    void theWorkerLingersWithAPartialBatchSoThatEventsTricklingInLeaveTogether() throws Exception {
        // Long beside the three emits, which must fall within it to leave together, even on a loaded machine.
        Duration linger = Duration.ofSeconds(1);
        HttpSink sink = sink().linger(linger).build();
        assertEquals(linger, sink.linger());
        routeAsync(sink, DeliveryPolicy.builder());
        long start = System.nanoTime();
        emit(1, 3);
        Request first = arrival();
        assertEquals(List.of(1L, 2L, 3L), first.seqs(), "one batch, posted without Router.flush");
        assertTrue(first.arrivedNanos() - start >= linger.toNanos(), "held for the linger time");
        assertTrue(router.flush(Duration.ofSeconds(10)));
        assertEquals(1, server.requests().size());
        assertEquals(3, routerStats().delivered());
    }

    private Request arrival() throws InterruptedException {
        Request r = server.nextArrival(Duration.ofSeconds(10));
        assertNotNull(r, "a request arrived");
        return r;
    }

    @Test
    void serverErrorsAreRetriedAndEveryEventArrivesOnce() {
        server.script(Reply.status(500), Reply.status(502), Reply.status(503));
        HttpSink sink = sink().maxAttempts(5).build();
        routeAsync(sink, DeliveryPolicy.builder());
        emit(1, 200);
        assertTrue(router.flush(Duration.ofSeconds(10)));

        assertArrivedExactlyOnce(1, 200);
        assertEquals(3, sink.stats().retries(), "three requests were repeated");
        checkAccounting(200);
        assertEquals(200, routerStats().delivered());
        assertEquals(0, routerStats().failures());
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() throws Exception {
        server.script(Reply.retryAfter(429, "1"));
        HttpSink sink = sink().retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(2)).build();
        sink.accept(event(1));
        sink.accept(event(2));
        sink.flush();

        List<Request> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(429, requests.get(0).status());
        long gap = requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos();
        assertTrue(gap >= Duration.ofSeconds(1).toNanos(), "waited at least Retry-After: " + gap + " ns");
        assertArrivedExactlyOnce(1, 2);
        sink.close();
    }

    @Test
    void aRetryAfterBeyondTheLongestBackoffFailsTheBatchAtOnce() throws Exception {
        server.script(Reply.retryAfter(503, "120"));
        HttpSink sink = sink().retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(1)).build();
        sink.accept(event(1));
        sink.accept(event(2));
        BatchFailedException failed = assertThrows(BatchFailedException.class, sink::flush);
        assertEquals(List.of(1L, 2L), seqs(failed.undelivered()), "the batch's events are named");
        HttpDeliveryException e = assertInstanceOf(HttpDeliveryException.class, failed.getCause());
        assertEquals(503, e.status());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("retry after 120 s"), e.getMessage());
        assertTrue(failed.getMessage().contains("retry after 120 s"), failed.getMessage());
        assertEquals(1, server.requests().size());
        assertEquals(2, sink.stats().failed());
        sink.close();
    }

    @Test
    void otherClientErrorsAreNotRetriedAndTheBatchsEventsAreNamed() throws Exception {
        server.script(Reply.status(400));
        HttpSink sink = sink().maxAttempts(5).build();
        for (long seq = 1; seq <= 3; seq++) {
            sink.accept(event(seq));
        }
        BatchFailedException failed = assertThrows(BatchFailedException.class, sink::flush);
        assertEquals(List.of(1L, 2L, 3L), seqs(failed.undelivered()));
        HttpDeliveryException e = assertInstanceOf(HttpDeliveryException.class, failed.getCause());
        assertEquals(400, e.status());
        assertEquals(1, e.attempts());
        assertEquals(3, e.events());
        assertTrue(e.getMessage().contains("not retried"), e.getMessage());
        assertTrue(failed.getMessage().contains("HTTP 400") && failed.getMessage().contains("3 event(s) not delivered"),
                failed.getMessage());
        assertEquals(1, server.requests().size());
        assertEquals(new HttpSinkStats(3, 0, 0, 0, 3, 1, 0, 1), sink.stats());
        sink.close();
    }

    @Test
    void aSlowServerTimesOutAndTheBatchIsRetried() throws Exception {
        server.script(new Reply(503, null, new CountDownLatch(1))); // answers only when the test ends
        HttpSink sink = sink().timeout(Duration.ofMillis(300)).build();
        for (long seq = 1; seq <= 5; seq++) {
            sink.accept(event(seq));
        }
        sink.flush();
        assertArrivedExactlyOnce(1, 5);
        assertEquals(1, sink.stats().retries());
        assertEquals(5, sink.stats().posted());
        sink.close();
    }

    @Test
    void refusedConnectionsAreRetriedUntilTheServerRestartsOnTheSamePort() throws Exception {
        HttpSink sink = sink().maxAttempts(100).retryBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).build();
        routeAsync(sink, DeliveryPolicy.builder());
        emit(1, 10);
        assertTrue(router.flush(Duration.ofSeconds(10)));
        server.stop();
        emit(11, 60);
        Eventually.until(() -> sink.stats().retries() >= 3, Duration.ofSeconds(10), "refused attempts");
        server.restart();
        assertTrue(router.flush(Duration.ofSeconds(10)));

        assertArrivedExactlyOnce(1, 60);
        checkAccounting(60);
        assertEquals(60, routerStats().delivered());
        assertEquals(0, routerStats().failures());
    }

    @Test
    void aBatchThatFailsInAcceptNamesAllItsEventsAndThenPostsEventByEvent() throws Exception {
        server.otherwise(Reply.status(500));
        HttpSink sink = sink().maxAttempts(2).batchSize(5).linger(Duration.ofHours(1)).build();
        for (long seq = 1; seq <= 4; seq++) {
            sink.accept(event(seq));
        }
        assertEquals(0, server.requests().size());
        BatchFailedException failed = assertThrows(BatchFailedException.class, () -> sink.accept(event(5)));
        assertEquals(range(1, 5), seqs(failed.undelivered()), "the whole batch, this event included");
        HttpDeliveryException e = assertInstanceOf(HttpDeliveryException.class, failed.getCause());
        assertEquals(5, e.events());
        assertEquals(500, e.status());
        assertEquals(2, e.attempts());
        assertEquals(new HttpSinkStats(5, 0, 0, 0, 5, 2, 1, 1), sink.stats(), "the sink holds nothing now");

        // Distrusted now: each event is posted at once, in one attempt, and named alone when it fails.
        BatchFailedException alone = assertThrows(BatchFailedException.class, () -> sink.accept(event(6)));
        assertEquals(List.of(6L), seqs(alone.undelivered()));
        assertEquals(3, server.requests().size());
        server.otherwise(Reply.status(200));
        sink.accept(event(7));
        assertEquals(4, server.requests().size());
        sink.accept(event(8)); // trusted again: gathered into a batch
        assertEquals(4, server.requests().size());
        sink.close();

        HttpSinkStats s = sink.stats();
        assertEquals(new HttpSinkStats(8, 0, 2, 0, 6, 5, 1, 2), s);
        assertEquals(s.accepted(), s.posted() + s.pending() + s.failed());
        assertEquals(Set.of(7L, 8L), server.accepted().keySet());
    }

    @Test
    void aFailedBatchAmongShippedOnesIsDivertedAndOnlyTheShippedOnesCountDelivered() {
        server.script(Reply.status(200), Reply.status(500), Reply.status(500)); // the second batch fails twice
        HttpSink sink = sink().maxAttempts(2).batchSize(10).linger(Duration.ofHours(1)).build();
        routeAsync(sink, DeliveryPolicy.builder().fallback(fallback));
        emit(1, 30);
        assertTrue(router.flush(Duration.ofSeconds(10)));

        Set<Long> shipped = new HashSet<>(range(1, 10));
        shipped.addAll(range(21, 30));
        assertEquals(shipped, server.accepted().keySet(), "the first batch and the events after the failed one");
        assertEquals(range(11, 20), seqs(fallback.of(SHIP)), "the failed batch went to the fallback, in order");
        assertEquals(20, routerStats().delivered(), "1-10, then 21 alone (distrusted) and 22-30");
        checkAccounting(30);
        Throwable reported = observer.of(RouterSignals.SINK_FAILED).get(0).field(Field.ERROR_KEY).errorValue();
        assertInstanceOf(BatchFailedException.class, reported);
        assertEquals(500, assertInstanceOf(HttpDeliveryException.class, reported.getCause()).status());
    }

    @Test
    void aServerThatStaysDownIsAccountedExactlyAndTheBreakerDivertsToTheFallback() throws Exception {
        server.otherwise(Reply.status(503));
        HttpSink sink = sink().maxAttempts(2).batchSize(10).linger(Duration.ofHours(1)).build();
        // The breaker opens for 0 ms: every later event probes, so recovery needs no wait on the clock.
        routeAsync(sink, DeliveryPolicy.builder().circuitBreaker(2, Duration.ZERO).fallback(fallback));
        emit(1, 40);
        assertTrue(router.flush(Duration.ofSeconds(10)));

        assertEquals(Map.of(), server.accepted(), "nothing got through");
        checkAccounting(40);
        assertEquals(40, routerStats().diverted(), "the first batch, then every event on its own");
        assertEquals(1, observer.of(RouterSignals.SINK_CIRCUIT_OPENED).size());
        List<Event> reports = observer.of(RouterSignals.SINK_FAILED);
        assertFalse(reports.isEmpty(), "the failure was reported");
        Throwable reported = reports.get(0).field(Field.ERROR_KEY).errorValue();
        assertInstanceOf(BatchFailedException.class, reported);
        assertInstanceOf(HttpDeliveryException.class, reported.getCause());
        assertTrue(reported.getMessage().contains("HTTP 503"), reported.getMessage());

        server.otherwise(Reply.status(200));
        // The probe is posted at once (the sink still distrusts the endpoint); the breaker
        // closes when the router sees it confirmed, at the next flush.
        emit(41, 41);
        assertTrue(router.flush(Duration.ofSeconds(10)));
        assertEquals("CLOSED", routerStats().circuit());
        emit(42, 80);
        assertTrue(router.flush(Duration.ofSeconds(10)));
        assertArrivedExactlyOnce(41, 80);
        checkAccounting(80);
        assertEquals(40, routerStats().delivered());
    }

    /**
     * The router's figures alone add up: every emitted event is at the server (once) or in the
     * fallback, never both; {@code delivered} is what reached the server and {@code diverted}
     * what the fallback got.
     */
    private void checkAccounting(long emitted) {
        SinkStats r = routerStats();
        assertEquals(emitted, r.routed());
        assertEquals(r.routed(), r.delivered() + r.diverted() + r.droppedTotal(), "routed = delivered + diverted + dropped");
        assertEquals(0, r.droppedTotal(), "the fallback took every event that failed");

        Map<Long, Integer> atServer = server.accepted();
        atServer.forEach((seq, times) -> assertEquals(1, times, "event " + seq + " arrived once"));
        assertEquals(atServer.size(), r.delivered(), "delivered = events that reached the server");
        Set<Long> diverted = new HashSet<>();
        for (Event e : fallback.of(SHIP)) {
            assertTrue(diverted.add(e.sequence()), "diverted once: " + e.sequence());
            assertFalse(atServer.containsKey(e.sequence()), "not both posted and diverted: " + e.sequence());
        }
        assertEquals(r.diverted(), diverted.size());
        assertEquals(emitted, atServer.size() + diverted.size() + r.droppedTotal(), "at the server + diverted + dropped = emitted");
    }
}
