package dev.signals.otel;

/**
 * What a {@link TraceRescue} did, counted exactly since it was made.
 *
 * @param rescuedTraces   unsampled traces exported because an error occurred in them
 * @param rescuedSpans    spans of those traces exported (those kept, and those that ended after the rescue)
 * @param evictedTraces   traces whose kept spans were dropped because {@code keep} passed without an error
 *                        in them (or the processor shut down)
 * @param evictedSpans    the spans so dropped
 * @param overflowedTraces traces that lost kept spans to a memory bound ({@code maxSpansPerTrace},
 *                        {@code maxSpans}, {@code maxTraces}); a trace pushed out and seen again is a new trace
 * @param overflowedSpans the spans so lost
 * @param trackedTraces   traces tracked now (waiting, or rescued and still active)
 * @param keptSpans       spans kept now
 */
public record TraceRescueStats(long rescuedTraces, long rescuedSpans, long evictedTraces, long evictedSpans,
                               long overflowedTraces, long overflowedSpans, int trackedTraces, int keptSpans) {
}
