package dev.signals.sinks.json;

import static dev.signals.sinks.testing.JsonLines.parseLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Repeated strings are escaped once and then written from the cache, to the same bytes. */
class EncodedStringsTest {

    @Test
    void aStringIsCachedTheSecondTimeTheSameInstanceIsMet() {
        EncodedStrings cache = new EncodedStrings();
        String key = "order_id";
        assertNull(cache.quoted(key));
        assertNotNull(cache.quoted(key));
        assertSame(cache.quoted(key), cache.quoted(key));
        assertEquals("\"order_id\"", new String(cache.quoted(key), StandardCharsets.US_ASCII));
    }

    @Test
    void stringsBuiltPerEventAreNeverCached() {
        EncodedStrings cache = new EncodedStrings();
        for (int i = 0; i < 3; i++) {
            assertNull(cache.quoted(new String("Order " + 7))); // equal text, a new instance each time
        }
    }

    @Test
    void stringsThatNeedEscapingAreNeverCached() {
        EncodedStrings cache = new EncodedStrings();
        for (String s : new String[] {"quote\"d", "back\\slash", "line\u2028separator", "caf\u00e9", "tab\t", "nel\u0085"}) {
            cache.quoted(s);
            assertNull(cache.quoted(s), s);
        }
    }

    @Test
    void aTakenSlotIsKept() {
        EncodedStrings cache = new EncodedStrings();
        String first = "Aa";
        String second = "BB"; // same hashCode as "Aa": the same slot
        assertEquals(first.hashCode(), second.hashCode());
        cache.quoted(first);
        cache.quoted(first);
        cache.quoted(second);
        assertNull(cache.quoted(second));
        assertNotNull(cache.quoted(first));
    }

    @Test
    void cachedAndUncachedLinesAreTheSameBytes() {
        Signal signal = Signal.of("CACHE_CHECK", Severity.WARN);
        String[] texts = {"plain", "quote\"d", "line\u2028break", "caf\u00e9", "message", "ctrl\u0001"};
        EventJsonWriter writer = new EventJsonWriter();
        for (String text : texts) {
            Event e = Event.builder(signal).message(text).thread(text).epochMicros(1).sequence(1)
                    .fields(Field.of(text, text), Field.of("n", 2.5)).build();
            String first = writer.encodeToString(e);
            String second = writer.encodeToString(e);
            String third = writer.encodeToString(e);
            assertEquals(first, second, text);
            assertEquals(first, third, text);
            assertEquals(new EventJsonWriter().encodeToString(e), third, text);
            byte[] bytes = third.getBytes(StandardCharsets.UTF_8);
            Map<String, Object> line = parseLine(bytes, bytes.length);
            assertEquals(text, line.get("thread"));
        }
    }
}
