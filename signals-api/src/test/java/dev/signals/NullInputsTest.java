package dev.signals;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class NullInputsTest {

    @Test
    void withAndScopeAcceptNullArraysAndNullElements() {
        assertDoesNotThrow(() -> Signals.with((Field[]) null).info("x"));
        assertDoesNotThrow(() -> Signals.with(Field.of("a", 1), null).info("x"));
        assertDoesNotThrow(() -> Signals.with(Field.of("a", 1)).with((Field[]) null).info("x"));
        assertDoesNotThrow(() -> Signals.with().with(null, Field.of("c", 2)).info("x"));
        assertDoesNotThrow(() -> {
            try (Scope s = Signals.scope((Field[]) null)) {
                Signals.info("inside");
            }
        });
        assertDoesNotThrow(() -> {
            try (Scope s = Signals.scope(null, Field.of("b", "v"))) {
                Signals.info("inside");
            }
        });
    }
}
