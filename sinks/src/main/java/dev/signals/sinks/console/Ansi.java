package dev.signals.sinks.console;

import dev.signals.Severity;

/** The few ANSI SGR sequences the pretty console uses. */
final class Ansi {

    static final String RESET = "\u001b[0m";
    static final String DIM = "\u001b[2m";
    static final String BOLD = "\u001b[1m";
    static final String CYAN = "\u001b[36m";

    private Ansi() {
    }

    static String severity(Severity s) {
        switch (s) {
            case TRACE: return "\u001b[2m";      // dim
            case DEBUG: return "\u001b[34m";     // blue
            case INFO: return "\u001b[32m";      // green
            case WARN: return "\u001b[33m";      // yellow
            case ERROR: return "\u001b[31m";     // red
            default: return "\u001b[1;35m";      // FATAL: bold magenta
        }
    }
}
