package dev.signals.sinks.snapshot;

import dev.signals.Event;
import dev.signals.sinks.timetravel.Window;
import java.time.Instant;
import java.util.List;

/**
 * One snapshot to write: taken on the triggering thread (the window copy included), written
 * on the sink's writer thread.
 *
 * @param reason the reason as given (for the header)
 * @param fileReason the reason sanitised (for the file name and the cool-down)
 * @param kind what started it
 * @param trigger the event that started it, or {@code null}
 * @param window the copy of the buffer, trigger included
 * @param created when the snapshot was taken
 * @param openSpans the spans open when it was taken
 * @param openSpansNotListed spans open then that the registry could not list (it was full)
 */
record SnapshotRequest(String reason, String fileReason, TriggerKind kind, Event trigger, Window window, Instant created,
        List<OpenSpan> openSpans, int openSpansNotListed) {
}
