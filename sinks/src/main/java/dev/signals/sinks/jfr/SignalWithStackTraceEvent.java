package dev.signals.sinks.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A signal with the stack of the thread that recorded it ({@code "stackTrace": true}). */
@Name(SignalWithStackTraceEvent.NAME)
@Label("Signal with Stack Trace")
@Description(SignalRecord.DESCRIPTION)
@StackTrace(true)
final class SignalWithStackTraceEvent extends SignalRecord {
    static final String NAME = "dev.signals.SignalWithStackTrace";
}
