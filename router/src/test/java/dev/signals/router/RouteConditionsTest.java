package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field filters, sampling and redaction, as configured. */
class RouteConditionsTest {

    private static final Signal PAYMENT = Signal.of("COND_PAYMENT");
    private static final Signal NOISY = Signal.of("COND_NOISY");

    private final FakeClock clock = new FakeClock();
    private final Router router = new Router(System.err, clock);

    private void emit(Signal s, Field... fields) {
        router.dispatch(Event.builder(s).fields(fields).build());
    }

    private static List<Event> of(RecordingSink sink, Signal signal) {
        return sink.events().stream().filter(e -> e.signal() == signal).toList();
    }

    @Test
    void whereMatchesFieldValuesByType() {
        router.configure("{\"sinks\": {\"pay\": {\"type\": \"test-recording\", \"id\": \"where-pay\"}},"
                + " \"routes\": [{\"signals\": [\"COND_*\"], \"where\": {\"service\": \"payment-service\", \"attempt\": 2, \"retry\": true},"
                + " \"sinks\": [\"pay\"]}]}", "where.json");
        emit(PAYMENT, Field.of("service", "payment-service"), Field.of("attempt", 2), Field.of("retry", true));
        emit(PAYMENT, Field.of("service", "order-service"), Field.of("attempt", 2), Field.of("retry", true));
        emit(PAYMENT, Field.of("service", "payment-service"), Field.of("attempt", "2"), Field.of("retry", true));
        emit(PAYMENT, Field.of("service", "payment-service"), Field.of("attempt", 2));
        RecordingSink pay = RecordingSinkFactory.MADE.get("where-pay");
        assertEquals(1, of(pay, PAYMENT).size());
        assertEquals(0, router.stats().sink("pay").droppedTotal(), "not matching a filter is not a drop");
    }

    @Test
    void aRateLimitPassesTheBurstThenTheRateAcrossSignalsAndCountsTheRest() {
        router.configure("{\"sinks\": {\"r\": {\"type\": \"test-recording\", \"id\": \"rate-limited\"},"
                + " \"all\": {\"type\": \"test-recording\", \"id\": \"rate-unlimited\"}},"
                + " \"routes\": [{\"signals\": [\"COND_*\"], \"rateLimit\": {\"perSecond\": 10, \"burst\": 5},"
                + " \"sinks\": [\"r\"]}, {\"signals\": [\"COND_*\"], \"sinks\": [\"all\"]}]}", "rate.json");
        for (int i = 0; i < 8; i++) {
            emit(i % 2 == 0 ? NOISY : PAYMENT); // one limit for the route, whatever the signal
        }
        clock.advance(Duration.ofMillis(300)); // three events' worth of rate
        for (int i = 0; i < 8; i++) {
            emit(NOISY);
        }
        clock.advance(Duration.ofSeconds(10)); // a long quiet spell refills only the burst
        for (int i = 0; i < 8; i++) {
            emit(NOISY);
        }
        assertEquals(5 + 3 + 5, RecordingSinkFactory.MADE.get("rate-limited").events().stream()
                .filter(e -> e.signal().name().startsWith("COND_")).count());
        assertEquals(24, of(RecordingSinkFactory.MADE.get("rate-unlimited"), NOISY).size()
                + of(RecordingSinkFactory.MADE.get("rate-unlimited"), PAYMENT).size(), "other routes unaffected");
        SinkStats s = router.stats().sink("r");
        assertEquals(24 - 13, s.dropped(DropReason.RATE_LIMITED));
        assertEquals(s.routed(), s.delivered() + s.droppedTotal());
    }

    @Test
    void aRateLimitOutOfRangeIsALocatedConfigError() {
        for (String limit : List.of("{\"perSecond\": 0}", "{\"burst\": 5}", "{\"perSecond\": 10, \"burst\": 0}",
                "{\"perSecond\": 10, \"per\": 1}")) {
            dev.signals.router.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.signals.router.config.ConfigException.class, () -> router.configure(
                            "{\"sinks\": {\"r\": {\"type\": \"test-recording\", \"id\": \"rate-bad\"}},"
                                    + " \"routes\": [{\"signals\": [\"*\"], \"rateLimit\": " + limit + ", \"sinks\": [\"r\"]}]}",
                            "rate-bad.json"));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("rateLimit"), e.getMessage());
        }
    }

    @Test
    void samplingKeepsTheFirstNThenOneInMPerIntervalAndCountsTheRest() {
        router.configure("{\"sinks\": {\"s\": {\"type\": \"test-recording\", \"id\": \"sampled\"},"
                + " \"all\": {\"type\": \"test-recording\", \"id\": \"unsampled\"}},"
                + " \"routes\": [{\"signals\": [\"COND_NOISY\"], \"sample\": {\"first\": 2, \"thereafter\": 3, \"intervalMs\": 1000},"
                + " \"sinks\": [\"s\"]}, {\"signals\": [\"COND_*\"], \"sinks\": [\"all\"]}]}", "sample.json");
        for (int i = 0; i < 10; i++) {
            emit(NOISY, Field.of("i", i));
        }
        RecordingSink sampled = RecordingSinkFactory.MADE.get("sampled");
        assertEquals(List.of(0L, 1L, 4L, 7L), of(sampled, NOISY).stream().map(e -> e.field("i").longValue()).toList());
        assertEquals(10, of(RecordingSinkFactory.MADE.get("unsampled"), NOISY).size(), "other routes unaffected");
        SinkStats s = router.stats().sink("s");
        assertEquals(6, s.dropped(DropReason.SAMPLED));
        assertEquals(s.routed(), s.delivered() + s.droppedTotal());

        clock.advance(Duration.ofSeconds(1));
        emit(NOISY, Field.of("i", 10));
        assertEquals(5, of(sampled, NOISY).size(), "a new interval starts over");
    }

    @Test
    void aSinkReachedUnconditionallyIsNotSampledByAnotherRoute() {
        router.configure("{\"sinks\": {\"s\": {\"type\": \"test-recording\", \"id\": \"both\"}},"
                + " \"routes\": [{\"signals\": [\"COND_NOISY\"], \"sample\": {\"first\": 0, \"thereafter\": 0}, \"sinks\": [\"s\"]},"
                + " {\"signals\": [\"COND_NOISY\"], \"sinks\": [\"s\"]}]}", "both.json");
        emit(NOISY);
        emit(NOISY);
        assertEquals(2, of(RecordingSinkFactory.MADE.get("both"), NOISY).size());
    }

    @Test
    void redactedKeysReachEverySinkAsSecrets() {
        router.configure("{\"redact\": [\"password\", \"card\"], \"sinks\": {\"a\": {\"type\": \"test-recording\", \"id\": \"red-a\"},"
                + " \"b\": {\"type\": \"test-recording\", \"id\": \"red-b\"}},"
                + " \"routes\": [{\"signals\": [\"COND_*\"], \"sinks\": [\"a\", \"b\"]}]}", "redact.json");
        RecordingSink code = new RecordingSink("code");
        router.route("COND_*", code);
        emit(PAYMENT, Field.of("user", "ann"), Field.of("password", "hunter2"), Field.of("card", 4111111111111111L));
        for (RecordingSink sink : List.of(RecordingSinkFactory.MADE.get("red-a"), RecordingSinkFactory.MADE.get("red-b"), code)) {
            Event e = of(sink, PAYMENT).get(0);
            assertEquals(Field.Type.SECRET, e.field("password").type());
            assertEquals(Field.Type.SECRET, e.field("card").type());
            assertEquals("***", e.field("card").value());
            assertEquals("ann", e.field("user").stringValue());
            assertFalse(e.toString().contains("hunter2"));
        }
        assertNull(of(code, PAYMENT).get(0).field("password").stringValue());
    }
}
