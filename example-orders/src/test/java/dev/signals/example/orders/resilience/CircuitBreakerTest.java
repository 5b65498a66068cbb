package dev.signals.example.orders.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signals.Signals;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker("payment", 3, Duration.ofSeconds(2), now::get,
            Signals.with());

    private static CallException unavailable() {
        return new CallException(CallException.Kind.UNAVAILABLE, 503, "unavailable", "down");
    }

    private void fail() {
        assertThrows(CallException.class, () -> breaker.call(() -> {
            throw unavailable();
        }));
    }

    private String succeed() throws CallException {
        return breaker.call(() -> "ok");
    }

    @Test
    void opensAfterConsecutiveFailuresAndRefusesWithoutCalling() throws CallException {
        fail();
        fail();
        succeed();
        fail();
        fail();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a success resets the count");
        fail();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        CallException refused = assertThrows(CallException.class, () -> breaker.call(() -> {
            throw new AssertionError("called through an open breaker");
        }));
        assertEquals(CallException.Kind.CIRCUIT_OPEN, refused.kind());
        assertEquals(1, breaker.timesOpened());
    }

    @Test
    void halfOpenLetsOneProbeThroughAndClosesOnItsSuccess() throws CallException {
        fail();
        fail();
        fail();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        CircuitBreaker.Permit probe = breaker.acquire();
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertThrows(CallException.class, breaker::acquire, "a second call while the probe runs");
        breaker.onSuccess(probe);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertEquals("ok", succeed());
    }

    @Test
    void aFailedProbeOpensItAgain() {
        fail();
        fail();
        fail();
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        fail();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertEquals(2, breaker.timesOpened());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThrows(CallException.class, breaker::acquire, "open for the full period again");
    }

    @Test
    void rejectionsAreHealthyAnswers() {
        for (int i = 0; i < 10; i++) {
            assertThrows(CallException.class, () -> breaker.call(() -> {
                throw new CallException(CallException.Kind.REJECTED, 402, "declined", "declined");
            }));
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }
}
