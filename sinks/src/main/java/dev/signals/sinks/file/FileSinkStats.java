package dev.signals.sinks.file;

/**
 * The figures of one file sink, for its own diagnostics; the router's {@code stats()} are exact
 * without them.
 *
 * <p>{@link FileSink} writes each line in {@code accept}: {@code accepted = linesWritten}, and
 * an event whose {@code accept} threw is in {@code refused} (the router diverts or drops it).
 * The one corner: with {@code fsync: always}, a line whose sync failed is written although its
 * event was refused, so it may reach both the file and the fallback.
 *
 * <p>{@link BufferedFileSink} takes every event it can encode, and each one's line is written,
 * pending (buffered) or failed (it could not be written, and the
 * {@link dev.signals.router.spi.BatchFailedException} thrown named the event to the router):
 * {@code accepted = linesWritten + linesPending + linesFailed}, exactly. {@code refused}
 * counts only events turned away without being taken (the sink was closed, the event could
 * not be encoded).
 *
 * @param accepted events taken
 * @param refused events turned away ({@code accept} threw without taking them)
 * @param linesWritten lines handed to the operating system
 * @param linesPending lines in memory, not yet written (always 0 for {@link FileSink})
 * @param linesFailed lines of taken events that could not be written, handed back to the router (always 0 for {@link FileSink})
 * @param linesLostToRemovedFile lines written (so counted in {@code linesWritten}, and delivered by the router) to a
 *     file that was then found removed from outside (deleted, or its directory deleted): the lines written to it since
 *     the sink last found it at its path, at most a second of lines before it
 *     noticed. Counted where the system tells a removed file from a moved one (Linux); a moved file keeps its lines
 * @param rotations files rotated
 * @param writeFailures failed attempts to open, write, sync or rotate the file
 * @param housekeepingFailures failed compressions or deletions of rotated files (no event is lost by these)
 */
public record FileSinkStats(long accepted, long refused, long linesWritten, long linesPending, long linesFailed,
                            long linesLostToRemovedFile, long rotations, long writeFailures, long housekeepingFailures) {
}
