package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void signalsWithTheSameNameAreTheSameObject() {
        Signal a = Signal.of("SIGNAL_TEST_SAME", Severity.WARN);
        assertSame(a, Signal.of("SIGNAL_TEST_SAME"));
        assertSame(a, Signal.of("SIGNAL_TEST_SAME", Severity.WARN));
        assertEquals(Severity.WARN, a.severity());
        assertEquals("SIGNAL_TEST_SAME", a.name());
    }

    @Test
    void aNewSignalDefaultsToInfo() {
        assertEquals(Severity.INFO, Signal.of("SIGNAL_TEST_DEFAULT").severity());
    }

    @Test
    void redeclaringWithAnotherSeverityKeepsTheFirstWithoutThrowing() {
        Signal first = Signal.of("SIGNAL_TEST_CLASH", Severity.ERROR);
        assertSame(first, Signal.of("SIGNAL_TEST_CLASH", Severity.DEBUG));
        assertSame(first, Signal.of("SIGNAL_TEST_CLASH", Severity.WARN));
        assertEquals(Severity.ERROR, first.severity());
    }

    @Test
    void levelsAreSignals() {
        assertEquals(Severity.TRACE, Signal.TRACE.severity());
        assertEquals(Severity.FATAL, Signal.FATAL.severity());
        assertSame(Signal.WARN, Signal.forSeverity(Severity.WARN));
        assertSame(Signal.INFO, Signal.of("INFO"));
    }

    @Test
    void idsAreDenseAndDistinct() {
        Signal a = Signal.of("SIGNAL_TEST_ID_A");
        Signal b = Signal.of("SIGNAL_TEST_ID_B");
        assertNotEquals(a.id(), b.id());
        assertTrue(a.id() >= 0 && b.id() >= 0);
    }

    @Test
    void invalidNamesAreRefused() {
        for (String bad : new String[] {"", "has space", "quote\"", "star*", "new\nline", "x".repeat(129)}) {
            assertThrows(IllegalArgumentException.class, () -> Signal.of(bad), bad);
            assertFalse(Signal.isValidName(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> Signal.of(null));
        assertTrue(Signal.isValidName("order.created-v2_X"));
    }

    @Test
    void severityParsesCaseInsensitivelyAndOrders() {
        assertEquals(Severity.WARN, Severity.parse("warn"));
        assertThrows(IllegalArgumentException.class, () -> Severity.parse("LOUD"));
        assertTrue(Severity.ERROR.isAtLeast(Severity.WARN));
        assertFalse(Severity.DEBUG.isAtLeast(Severity.INFO));
    }
}
