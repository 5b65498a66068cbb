package dev.signals.sinks.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signals declared beyond {@link Signal#NAME_LIMIT} share one id, so the per-id verdict cache
 * must not answer for one of them with another's verdict. Runs in its own JVM, like every test
 * class, so filling the registry leaves other classes alone.
 */
class TriggerMatcherBeyondNameLimitTest {

    @BeforeAll
    static void fillTheNameLimit() {
        for (int i = 0; Signal.of("FILL_" + i).id() != Signal.UNCACHED_ID; i++) {
            // Declares kept names until the first one beyond the limit.
        }
    }

    @Test
    void eachSignalBeyondTheLimitIsMatchedOnItsOwnName() {
        TriggerMatcher matcher = new TriggerMatcher(List.of("PAY_*"), Severity.FATAL);
        Signal pay = Signal.of("PAY_FAILED_42");
        Signal other = Signal.of("CART_VIEWED_42");
        assertEquals(Signal.UNCACHED_ID, other.id());
        for (int round = 0; round < 3; round++) {
            assertTrue(matcher.matches(Event.builder(pay).build()));
            assertFalse(matcher.matches(Event.builder(other).build()));
        }
        assertEquals("pay_failed_42", matcher.fileReason(pay));
        assertEquals("cart_viewed_42", matcher.fileReason(other));
    }
}
