package dev.signals;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * This module has no dispatcher on its class path: the facade must warn once and never throw.
 * (Nulls given to the facade are tried where a dispatcher routes them: the router's SignalsFacadeTest.)
 */
class NoDispatcherTest {

    @Test
    void withoutADispatcherTheLoaderWarnsClearly() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var dispatcher = DispatcherLoader.load(new PrintStream(err, true, StandardCharsets.UTF_8));
        assertSame(DispatcherLoader.NoDispatcher.INSTANCE, dispatcher);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no dispatcher on the class path"), text);
        assertTrue(text.contains("dev.signals:router"), text);
        assertEquals(1, text.lines().count());
    }

    @Test
    void emittingNeverThrows() {
        assertDoesNotThrow(() -> {
            Signals.emit(Signal.of("NO_DISPATCHER_TEST"), "message", Field.of("k", 1));
            Signals.info("hello");
            Signals.with(Field.of("service", "s")).error("boom", Field.error(new RuntimeException()));
            Signals.snapshot("reason");
            try (Span span = Signals.span("work")) {
                span.fail("nope");
            }
        });
        assertFalse(Signals.isRouted(Signal.INFO));
    }
}
