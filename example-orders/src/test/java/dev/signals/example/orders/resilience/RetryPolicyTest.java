package dev.signals.example.orders.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Emitter;
import dev.signals.Signals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300), 42, waits::add);
    private final Emitter log = Signals.with();

    @Test
    void retriesTransientFailuresWithGrowingBoundedWaits() throws CallException {
        AtomicInteger calls = new AtomicInteger();
        String result = policy.execute("payment.authorize", "ord-1", log, attempt -> {
            if (calls.incrementAndGet() < 4) {
                throw new CallException(CallException.Kind.TIMEOUT, 0, null, "slow");
            }
            return "paid on attempt " + attempt;
        });
        assertEquals("paid on attempt 4", result);
        assertEquals(3, waits.size());
        long[][] bounds = {{50, 100}, {100, 200}, {150, 300}};
        for (int i = 0; i < 3; i++) {
            long ms = waits.get(i).toMillis();
            assertTrue(ms >= bounds[i][0] && ms <= bounds[i][1], "wait " + i + " was " + ms + " ms");
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysHowMany() {
        CallException e = assertThrows(CallException.class, () -> policy.execute("shipping.ship", "ord-2", log, attempt -> {
            throw new CallException(CallException.Kind.UNAVAILABLE, 503, "unavailable", "down");
        }));
        assertEquals(4, e.attempts());
        assertEquals(3, waits.size());
    }

    @Test
    void doesNotRetryRejectionsOrAnOpenBreaker() {
        for (CallException.Kind kind : List.of(CallException.Kind.REJECTED, CallException.Kind.CIRCUIT_OPEN)) {
            AtomicInteger calls = new AtomicInteger();
            assertThrows(CallException.class, () -> policy.execute("payment.authorize", "ord-3", log, attempt -> {
                calls.incrementAndGet();
                throw new CallException(kind, 0, null, kind.name());
            }));
            assertEquals(1, calls.get(), kind.name());
        }
        assertTrue(waits.isEmpty());
    }

    @Test
    void theSameSeedAndKeyGiveTheSameJitter() {
        RetryPolicy again = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300), 42, d -> { });
        RetryPolicy otherSeed = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300), 43, d -> { });
        boolean anyDifferent = false;
        for (int attempt = 2; attempt <= 4; attempt++) {
            assertEquals(policy.delayBefore(attempt, "ord-9", "user.lookup"), again.delayBefore(attempt, "ord-9", "user.lookup"));
            anyDifferent |= !policy.delayBefore(attempt, "ord-9", "user.lookup")
                    .equals(otherSeed.delayBefore(attempt, "ord-9", "user.lookup"));
        }
        assertTrue(anyDifferent, "the seed changes the jitter");
    }
}
