package dev.signals.example.orders.services;

import dev.signals.example.orders.http.Body;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of an order: a product and how many.
 *
 * @param sku the product
 * @param quantity how many units, at least 1
 */
public record Item(String sku, int quantity) {

    /** The items of a body's {@code items} list; lines without a SKU or a positive quantity are kept as they are, for validation. */
    public static List<Item> fromBody(Body body) {
        List<Item> items = new ArrayList<>();
        for (Body line : body.list("items")) {
            items.add(new Item(line.string("sku"), (int) line.number("qty", 0)));
        }
        return items;
    }

    /** The items as JSON-ready maps, for a body or a field ({@code [{"sku":"MUG-0001","qty":2}]}). */
    public static List<Map<String, Object>> toJson(List<Item> items) {
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (Item item : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sku", item.sku());
            m.put("qty", item.quantity());
            out.add(m);
        }
        return out;
    }

    /** The number of units over all lines. */
    public static long units(List<Item> items) {
        long n = 0;
        for (Item item : items) {
            n += item.quantity();
        }
        return n;
    }
}
