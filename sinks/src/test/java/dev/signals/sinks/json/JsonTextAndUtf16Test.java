package dev.signals.sinks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTextAndUtf16Test {

    record Point(int x, int y) {
    }

    @Test
    void jsonTextFollowsTheEventRules() {
        assertEquals("{\"x\":1,\"y\":2}", JsonText.of(new Point(1, 2)));
        assertEquals("[\"a\\nb\",\"\\u2028\",\"NaN\"]", JsonText.of(List.of("a\nb", "\u2028", Double.NaN)));
        assertEquals("{\"k\":null}", JsonText.of(Map.of("k", Optional.empty())));
        assertEquals("\"\uFFFD\"", JsonText.of("\uD800"));
        assertEquals("null", JsonText.of(null));
    }

    @Test
    void structuredValues() {
        assertTrue(JsonText.isStructured(List.of()));
        assertTrue(JsonText.isStructured(Map.of()));
        assertTrue(JsonText.isStructured(new int[0]));
        assertTrue(JsonText.isStructured(new Point(0, 0)));
        assertTrue(JsonText.isStructured(Optional.empty()));
        assertFalse(JsonText.isStructured(new char[0]));
        assertFalse(JsonText.isStructured(Path.of("a")));
        assertFalse(JsonText.isStructured("text"));
        assertFalse(JsonText.isStructured(null));
    }

    @Test
    void utf16CleanKeepsWellFormedStringsAsTheyAre() {
        String s = "plain \uD83D\uDE00 é";
        assertTrue(Utf16.isWellFormed(s));
        assertSame(s, Utf16.clean(s));
        assertEquals(null, Utf16.clean(null));
        assertEquals("\uFFFDa\uFFFD\uD83D\uDE00\uFFFD", Utf16.clean("\uDC00a\uD800\uD83D\uDE00\uD83D"));
        assertFalse(Utf16.isWellFormed("\uD83D"));
    }
}
