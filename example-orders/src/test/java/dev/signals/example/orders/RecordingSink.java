package dev.signals.example.orders;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Sink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event it receives; routed in code on {@code Router.global()}. */
final class RecordingSink implements Sink {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void accept(Event event) {
        events.add(event);
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    List<Event> events(Signal signal) {
        List<Event> out = new ArrayList<>();
        for (Event e : events()) {
            if (e.signal() == signal) {
                out.add(e);
            }
        }
        return out;
    }

    /** The value of field {@code key} as text, or {@code null}. */
    static String text(Event e, String key) {
        Field f = e.field(key);
        return f == null ? null : String.valueOf(f.value());
    }
}
