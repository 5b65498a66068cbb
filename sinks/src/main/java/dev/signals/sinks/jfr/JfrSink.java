package dev.signals.sinks.jfr;

import dev.signals.Event;
import dev.signals.Sink;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.json.SinkEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.EventType;

/**
 * Sink type {@code jfr}: records each event as a JDK Flight Recorder event, {@code dev.signals.Signal}
 * (or {@code dev.signals.SignalWithStackTrace} with stack traces on), so that JDK Mission Control
 * and {@code jfr print} show signals on the same time line as GC, CPU samples and locks.
 *
 * <p>While no recording has the event type enabled, {@link #accept} answers after one check
 * and builds nothing. While one does, it builds the JFR event and the event's JSON line, and
 * commits it; the recording's own settings (threshold, enabled) still apply.
 *
 * <p>Thread-safe: the JSON lines are encoded under one lock, while a recording runs (no
 * thread-local writer, which would keep the application's classes on pooled threads).
 */
public final class JfrSink implements Sink {

    private static final EventType PLAIN = EventType.getEventType(SignalEvent.class);
    private static final EventType WITH_STACK = EventType.getEventType(SignalWithStackTraceEvent.class);

    private final boolean stackTraces;
    private final EventType type;
    private final SinkEncoder encoder = new SinkEncoder();
    private final LongAdder recorded = new LongAdder();
    /** JFR event objects built: what tests count to show that nothing is built while no recording runs. */
    private final LongAdder built = new LongAdder();

    /** A sink recording events without stack traces. */
    public JfrSink() {
        this(false);
    }

    /**
     * A sink recording events with the stack of the recording thread when {@code stackTraces}
     * is true (the emitting thread when the sink is delivered synchronously).
     */
    public JfrSink(boolean stackTraces) {
        this.stackTraces = stackTraces;
        this.type = stackTraces ? WITH_STACK : PLAIN;
    }

    /** The name of the JFR event type this sink records: {@code dev.signals.Signal} or {@code dev.signals.SignalWithStackTrace}. */
    public String eventName() {
        return type.getName();
    }

    @Override
    public void accept(Event event) {
        if (!type.isEnabled()) {
            return; // no recording wants these events: build nothing
        }
        SignalRecord record = stackTraces ? new SignalWithStackTraceEvent() : new SignalEvent();
        built.increment();
        if (!record.shouldCommit()) {
            return;
        }
        record.fill(event, json(event));
        record.commit();
        recorded.increment();
    }

    /** The event's Event JSON line without its newline. */
    private String json(Event event) {
        synchronized (encoder) {
            EventJsonWriter w = encoder.writer();
            int length = w.encode(event);
            return new String(w.buffer(), 0, length - 1, StandardCharsets.UTF_8);
        }
    }

    /** Events committed to Flight Recorder by this sink. */
    public long recorded() {
        return recorded.sum();
    }

    long built() {
        return built.sum();
    }
}
