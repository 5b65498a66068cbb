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
    /** Runs in {@link #accept} before the event is kept, outside the sink's lock: where a test holds a delivery. */
    volatile java.util.function.Consumer<Event> onAccept = e -> { };

    RecordingSink(String id) {
        this.id = id;
    }

    @Override
    public void accept(Event event) {
        onAccept.accept(event);
        synchronized (this) {
            events.add(event);
        }
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
