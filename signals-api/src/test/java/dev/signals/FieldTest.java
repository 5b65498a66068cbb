package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldTest {

    @Test
    void primitivesKeepTheirTypeUnboxed() {
        assertEquals(Field.Type.LONG, Field.of("n", 2).type());
        assertEquals(2L, Field.of("n", 2).longValue());
        assertEquals(Field.Type.LONG, Field.of("n", 5_000_000_000L).type());
        assertEquals(Field.Type.DOUBLE, Field.of("d", 1.5).type());
        assertEquals(1.5, Field.of("d", 1.5).doubleValue());
        assertEquals(Field.Type.BOOLEAN, Field.of("b", true).type());
        assertEquals(true, Field.of("b", true).booleanValue());
        assertEquals(Field.Type.STRING, Field.of("s", "x").type());
        assertEquals("x", Field.of("s", "x").stringValue());
    }

    @Test
    void timeTypesAndErrors() {
        Duration d = Duration.ofMillis(1500);
        Instant i = Instant.parse("2026-11-23T03:21:41.123456Z");
        assertEquals(d, Field.of("d", d).durationValue());
        assertEquals(i, Field.of("i", i).instantValue());
        IllegalStateException boom = new IllegalStateException("boom");
        Field e = Field.error(boom);
        assertEquals("error", e.key());
        assertSame(boom, e.errorValue());
    }

    @Test
    void objectOverloadTypesByRuntimeValue() {
        assertEquals(Field.Type.LONG, Field.of("k", (Object) Integer.valueOf(3)).type());
        assertEquals(Field.Type.DOUBLE, Field.of("k", (Object) Float.valueOf(1.5f)).type());
        assertEquals(Field.Type.STRING, Field.of("k", (Object) "s").type());
        assertEquals(Field.Type.BOOLEAN, Field.of("k", (Object) Boolean.TRUE).type());
        assertEquals(Field.Type.DURATION, Field.of("k", (Object) Duration.ZERO).type());
        assertEquals(Field.Type.ERROR, Field.of("k", (Object) new RuntimeException()).type());
        assertEquals(Field.Type.VALUE, Field.of("k", List.of(1, 2)).type());
        assertEquals(Field.Type.VALUE, Field.of("k", Map.of("a", 1)).type());
        assertEquals(Field.Type.VALUE, Field.of("k", Severity.WARN).type());
        assertEquals(Field.Type.VALUE, Field.of("k", (Object) null).type());
    }

    @Test
    void secretsNeverShowTheirValue() {
        Field s = Field.secret("token", "hunter2");
        assertEquals("***", s.value());
        assertEquals("token=***", s.toString());
        assertNull(s.stringValue());
        assertEquals("hunter2", s.secretValue());
        assertFalse(s.toString().contains("hunter2"));
    }

    @Test
    void keysAreRequired() {
        assertThrows(NullPointerException.class, () -> Field.of(null, "x"));
    }
}
