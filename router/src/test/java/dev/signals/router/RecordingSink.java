package dev.signals.router;

import dev.signals.Event;
import dev.signals.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A test sink that keeps what it receives, and whether it was flushed and closed. */
class RecordingSink implements Sink {

    final String id;
    private final List<Event> events = new ArrayList<>();
    final AtomicBoolean flushed = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();

    RecordingSink(String id) {
        this.id = id;
    }

    @Override
    public synchronized void accept(Event event) {
        events.add(event);
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    @Override
    public void flush() {
        flushed.set(true);
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
