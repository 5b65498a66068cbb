package dev.signals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter of {@code /api/events} and {@code /api/events/recent}, alone and combined,
 * over real HTTP: the same batch of eight events is emitted for each query, and exactly the
 * expected ones arrive, in order, on the stream and from the buffer.
 */
class EventFiltersTest {

    static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED", Severity.INFO);
    static final Signal ORDER_SHIPPED = Signal.of("ORDER_SHIPPED", Severity.INFO);
    static final Signal ORDER_REFUNDED = Signal.of("ORDER_REFUNDED", Severity.WARN);
    static final Signal INVENTORY_LOW = Signal.of("INVENTORY_LOW", Severity.WARN);
    static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    static final Signal PAYMENT_RETRIED = Signal.of("PAYMENT_RETRIED", Severity.WARN);

    @TempDir
    static Path snapshots;
    static URI url;
    static final AtomicInteger BATCHES = new AtomicInteger();

    @BeforeAll
    static void start() {
        url = LiveFixture.start(snapshots, 10_000, "", "TRACE");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("", "e1 e2 e3 e4 e5 e6 e7 e8"),
                Arguments.of("signal=ORDER_REFUNDED", "e5 e8"),
                Arguments.of("signal=ORDER_*", "e1 e2 e3 e5 e8"),
                Arguments.of("signal=PAYMENT_*&signal=ORDER_REFUNDED", "e5 e6 e7 e8"),
                Arguments.of("minSeverity=WARN", "e4 e5 e6 e7 e8"),
                Arguments.of("trace=TRACE", "e6 e7 e8"),
                Arguments.of("field=" + enc("region=eu"), "e1 e3 e4 e6 e8"),
                Arguments.of("field=" + enc("region=eu") + "&field=" + enc("amount=42"), "e1 e6 e8"),
                Arguments.of("thread=worker-a", "e1 e3 e4 e6 e8"),
                Arguments.of("signal=ORDER_*&signal=PAYMENT_*&minSeverity=WARN&field=" + enc("region=eu")
                        + "&thread=worker-a&trace=TRACE", "e6 e8"));
    }

    @ParameterizedTest(name = "[{index}] ?{0}")
    @MethodSource("cases")
    void streamAndBufferDeliverExactlyTheMatchingEvents(String query, String expected) throws Exception {
        String batch = "b" + BATCHES.incrementAndGet();
        String trace = randomHex(32);
        String q = query.replace("TRACE", trace);
        List<String> stream = new ArrayList<>();
        try (SseClient sse = SseClient.open(url.resolve("/api/events?" + q), Map.of())) {
            long last = emitBatch(batch, trace);
            while (true) {
                SseClient.Message m = sse.next(10);
                assertEquals("message", m.event(), m.toString());
                Map<String, String> e = Json.scalars(m.data());
                assertEquals(e.get("seq"), m.id(), "id: is the event's seq");
                stream.add(e.get("message"));
                if (Long.parseLong(m.id()) == last) {
                    break; // the batch's last event matches every query: nothing of the batch comes after it
                }
            }
        }
        assertEquals(prefixed(batch, expected), stream, "stream ?" + q);

        HttpResponse<String> recent = get("/api/events/recent?last=100000&" + q);
        assertEquals(200, recent.statusCode());
        List<String> fromBuffer = new ArrayList<>();
        for (Map<String, String> e : Json.lines(recent.body())) {
            if (e.get("message").startsWith(batch + "-")) {
                fromBuffer.add(e.get("message"));
            }
        }
        assertEquals(prefixed(batch, expected), fromBuffer, "recent ?" + q);
    }

    @Test
    void secretsAndRedactedFieldsAreMaskedAndNeverMatchAFilter() throws Exception {
        String batch = "s" + BATCHES.incrementAndGet();
        emitBatch(batch, randomHex(32));
        HttpResponse<String> all = get("/api/events/recent?last=1&signal=ORDER_REFUNDED");
        assertTrue(all.body().contains("\"card\":\"***\""), all.body());
        assertTrue(all.body().contains("\"email\":\"***\""), all.body());
        assertFalse(all.body().contains("4111"), all.body());
        assertFalse(all.body().contains("a@example.org"), all.body());
        assertEquals("", get("/api/events/recent?field=" + enc("card=4111-1111")).body());
        assertEquals("", get("/api/events/recent?field=" + enc("email=a@example.org")).body());
    }

    @Test
    void recentKeepsTheLastNMatchingEvents() throws Exception {
        String batch = "r" + BATCHES.incrementAndGet();
        emitBatch(batch, randomHex(32));
        List<Map<String, String>> lines = Json.lines(get("/api/events/recent?last=2&minSeverity=WARN").body());
        assertEquals(List.of(batch + "-e7", batch + "-e8"), lines.stream().map(e -> e.get("message")).toList());
    }

    @Test
    void malformedFiltersAreRefusedWith400() throws Exception {
        for (String q : List.of("signal=" + enc("ORDER_*X"), "minSeverity=LOUD", "field=novalue", "last=zero")) {
            HttpResponse<String> r = get("/api/events/recent?" + q);
            assertEquals(400, r.statusCode(), q);
            assertTrue(r.body().contains("\"error\""), r.body());
        }
        HttpResponse<String> stream = get("/api/events?minSeverity=LOUD");
        assertEquals(400, stream.statusCode());
    }

    /**
     * Emits e1..e8 (messages {@code batch-eN}) with explicit threads and trace ids; returns
     * the last one's seq. e8 matches every query of {@link #cases()}.
     */
    static long emitBatch(String batch, String trace) {
        emit(batch + "-e1", ORDER_CREATED, "worker-a", null, Field.of("region", "eu"), Field.of("amount", 42));
        emit(batch + "-e2", ORDER_CREATED, "worker-b", null, Field.of("region", "us"), Field.of("amount", 42));
        emit(batch + "-e3", ORDER_SHIPPED, "worker-a", null, Field.of("region", "eu"), Field.of("amount", 7));
        emit(batch + "-e4", INVENTORY_LOW, "worker-a", null, Field.of("region", "eu"));
        emit(batch + "-e5", ORDER_REFUNDED, "worker-b", null, Field.of("region", "us"), Field.of("amount", 42));
        emit(batch + "-e6", PAYMENT_FAILED, "worker-a", trace, Field.of("region", "eu"), Field.of("amount", 42));
        emit(batch + "-e7", PAYMENT_RETRIED, "worker-b", trace, Field.of("region", "us"));
        return emit(batch + "-e8", ORDER_REFUNDED, "worker-a", trace, Field.of("region", "eu"), Field.of("amount", 42),
                Field.secret("card", "4111-1111"), Field.of("email", "a@example.org"));
    }

    static long emit(String message, Signal signal, String thread, String trace, Field... fields) {
        Event.Builder b = Event.builder(signal).message(message).thread(thread).fields(fields);
        if (trace != null) {
            b.trace(trace, randomHex(16));
        }
        Event e = b.build();
        Router.global().dispatch(e);
        return e.sequence();
    }

    static List<String> prefixed(String batch, String names) {
        return Arrays.stream(names.split(" ")).map(n -> batch + "-" + n).toList();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return SseClient.HTTP.send(HttpRequest.newBuilder(url.resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String randomHex(int length) {
        StringBuilder sb = new StringBuilder(length);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(1 + r.nextInt(15), 16));
        }
        return sb.toString();
    }
}
