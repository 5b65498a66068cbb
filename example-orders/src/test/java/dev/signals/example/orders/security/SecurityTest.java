package dev.signals.example.orders.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SecurityTest {

    @Test
    void theRateLimiterAllowsABurstThenTheRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(4, 8, now::get);
        for (int i = 0; i < 8; i++) {
            assertTrue(limiter.tryAcquire("203.0.113.7"), "burst " + i);
        }
        assertFalse(limiter.tryAcquire("203.0.113.7"));
        assertTrue(limiter.tryAcquire("198.51.100.1"), "clients have their own buckets");
        now.addAndGet(250_000_000L);
        assertTrue(limiter.tryAcquire("203.0.113.7"), "one token per 250 ms at 4/s");
        assertFalse(limiter.tryAcquire("203.0.113.7"));
        assertTrue(new RateLimiter(0, 1, now::get).tryAcquire("x"), "0 turns the limit off");
    }

    @Test
    void theInspectorNamesWhatAttacksLookLike() {
        InputInspector inspector = new InputInspector();
        assertEquals("lookup_injection", inspector.inspect("note", "${jndi:ldap://x/a}").orElseThrow().pattern());
        assertEquals("sql_injection", inspector.inspect("note", "'; DROP TABLE orders; --").orElseThrow().pattern());
        assertEquals("script_injection", inspector.inspect("note", "<SCRIPT>x</script>").orElseThrow().pattern());
        assertEquals("path_traversal", inspector.inspect("sku", "../../etc/passwd").orElseThrow().pattern());
        assertEquals("control_characters", inspector.inspect("note", "a\nb").orElseThrow().pattern());
        assertTrue(inspector.inspect("note", "gift wrap, please").isEmpty());
        assertTrue(inspector.inspect("note", null).isEmpty());
    }
}
