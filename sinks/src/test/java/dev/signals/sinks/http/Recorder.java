package dev.signals.sinks.http;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Sink;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it receives, for fallbacks and observers in tests. Thread-safe. */
final class Recorder implements Sink {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void accept(Event event) {
        events.add(event);
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    synchronized List<Event> of(Signal signal) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.signal() == signal) {
                out.add(e);
            }
        }
        return out;
    }
}
