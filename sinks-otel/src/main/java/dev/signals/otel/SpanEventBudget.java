package dev.signals.otel;

import dev.signals.Severity;

/**
 * How many events one span may still take. The OpenTelemetry SDK keeps only the first 128
 * events of a span by default and drops the rest, so the error at the end of a long span would
 * be lost; here the last {@code reservedForWarnings} places are kept for WARN and above, and what
 * is refused is counted so the span can say how many events were left out.
 */
final class SpanEventBudget {

    private final int max;
    private final int lowMax;
    private int taken;
    private int takenLow;
    private long dropped;

    /**
     * @param max events per span, at most
     * @param reservedForWarnings how many of those only WARN and above may take
     */
    SpanEventBudget(int max, int reservedForWarnings) {
        this.max = max;
        this.lowMax = Math.max(0, max - reservedForWarnings);
    }

    /** Takes a place for an event of this severity, or counts it dropped and answers false. */
    synchronized boolean admit(Severity severity) {
        boolean important = severity.isAtLeast(Severity.WARN);
        if (taken < max && (important || takenLow < lowMax)) {
            taken++;
            if (!important) {
                takenLow++;
            }
            return true;
        }
        dropped++;
        return false;
    }

    /** How many events were refused so far. */
    synchronized long dropped() {
        return dropped;
    }
}
