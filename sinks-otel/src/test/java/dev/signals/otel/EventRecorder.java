package dev.signals.otel;

import dev.signals.Event;
import dev.signals.Sink;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps the events it receives. */
final class EventRecorder implements Sink {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void accept(Event event) {
        events.add(event);
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    /** The one event with this message. */
    synchronized Event withMessage(String message) {
        List<Event> found = new ArrayList<>();
        for (Event e : events) {
            if (e.message().equals(message) && !e.signal().name().startsWith("SPAN_")) {
                found.add(e);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("expected one event '" + message + "', found " + events);
        }
        return found.get(0);
    }
}
