package dev.signals.sinks.testing;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Sink;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it receives, for fallbacks and observers in tests. Thread-safe. */
public final class Recorder implements Sink {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void accept(Event event) {
        events.add(event);
    }

    public synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    public synchronized List<Event> of(Signal signal) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.signal() == signal) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized long count(Signal signal) {
        return events.stream().filter(e -> e.signal() == signal).count();
    }
}
