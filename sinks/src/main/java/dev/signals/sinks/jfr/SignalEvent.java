package dev.signals.sinks.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A signal without its stack trace: the default, as a stack walk adds to the cost of every event. */
@Name(SignalEvent.NAME)
@Label("Signal")
@Description(SignalRecord.DESCRIPTION)
@StackTrace(false)
final class SignalEvent extends SignalRecord {
    static final String NAME = "dev.signals.Signal";
}
