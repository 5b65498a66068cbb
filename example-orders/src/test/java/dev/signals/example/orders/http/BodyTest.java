package dev.signals.example.orders.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyTest {

    @Test
    void roundTripsNestedValues() {
        Body body = Body.of("order_id", "ord-1", "total_cents", 2998L, "blocked", false,
                "items", List.of(Map.of("sku", "MUG-0001", "qty", 2)), "note", "quote \" and \n newline");
        Body back = Body.parse(body.toJson());
        assertEquals(body.toJson(), back.toJson());
        assertEquals("ord-1", back.string("order_id"));
        assertEquals(2998, back.number("total_cents", 0));
        assertEquals(false, back.bool("blocked", true));
        assertEquals("MUG-0001", back.list("items").get(0).string("sku"));
        assertEquals(2, back.list("items").get(0).number("qty", 0));
    }

    @Test
    void emptyTextIsTheEmptyBodyAndGarbageIsRefused() {
        assertEquals(Body.EMPTY, Body.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Body.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> Body.parse("{\"a\":"));
        assertThrows(IllegalArgumentException.class, () -> Body.parse("{} {}"));
    }
}
