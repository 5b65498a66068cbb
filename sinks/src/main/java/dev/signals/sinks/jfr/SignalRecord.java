package dev.signals.sinks.jfr;

import dev.signals.Event;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Timestamp;

/**
 * The fields of a signal as a Flight Recorder event. JFR event types have a fixed set of fields,
 * while every signal has its own: what every event has is a real field here, and the signal's
 * own fields travel, typed, in {@link #json} (the event's line of Event JSON).
 */
@Category({"Signals"})
abstract class SignalRecord extends jdk.jfr.Event {

    /** The event types' description (a class annotation the concrete types do not inherit). */
    static final String DESCRIPTION = "A signal emitted through Signals: its name, severity, message, emitting thread,"
            + " trace ids, and the whole event as one line of Event JSON";

    @Label("Signal")
    @Description("The signal's name")
    String signal;

    @Label("Severity")
    @Description("TRACE, DEBUG, INFO, WARN, ERROR or FATAL")
    String severity;

    @Label("Message")
    String message;

    @Label("Emitting Thread")
    @Description("The name of the thread that emitted the signal (the event thread is the one that recorded it)")
    String thread;

    @Label("Trace Id")
    @Description("W3C trace id, 32 hex digits; empty outside a trace")
    String traceId;

    @Label("Span Id")
    @Description("W3C span id, 16 hex digits; empty outside a span")
    String spanId;

    @Label("Sequence")
    @Description("The event's sequence number in this process")
    long sequence;

    @Label("Emitted")
    @Description("When the signal was emitted")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long emitted;

    @Label("Event JSON")
    @Description("The event as one line of Event JSON (docs/format.md): the fields flattened at top level, each in its JSON type")
    String json;

    /** Copies {@code e} into this record; {@code eventJson} is its line of Event JSON. */
    final void fill(Event e, String eventJson) {
        signal = e.signal().name();
        severity = e.severity().name();
        message = e.message();
        thread = e.thread();
        traceId = e.traceId();
        spanId = e.spanId();
        sequence = e.sequence();
        emitted = e.epochMicros() / 1_000;
        json = eventJson;
    }
}
