package dev.signals.test;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spans a test opened, read from its {@code SPAN_STARTED} events: each span's name and
 * parent, so that an event can be placed within a span or any span inside it.
 */
final class SpanTree {

    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, Set<String>> idsByName = new HashMap<>();

    SpanTree(List<Event> events) {
        for (Event e : events) {
            if (e.signal() == Span.STARTED && e.spanId() != null) {
                Field name = e.field("span");
                Field parent = e.field("parent_span_id");
                if (name != null && name.stringValue() != null) {
                    idsByName.computeIfAbsent(name.stringValue(), n -> new HashSet<>()).add(e.spanId());
                }
                if (parent != null && parent.stringValue() != null) {
                    parents.put(e.spanId(), parent.stringValue());
                }
            }
        }
    }

    /** True when a span of this name was opened. */
    boolean has(String name) {
        return idsByName.containsKey(name);
    }

    /** True when {@code event} was emitted in a span named {@code name}, or in a span inside one. */
    boolean within(Event event, String name) {
        Set<String> ids = idsByName.get(name);
        if (ids == null) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (String id = event.spanId(); id != null && seen.add(id); id = parents.get(id)) {
            if (ids.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
