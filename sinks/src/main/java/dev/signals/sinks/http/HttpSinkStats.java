package dev.signals.sinks.http;

/**
 * The figures of one http sink, for its own diagnostics; the router's {@code stats()} are exact
 * without them. Every event taken into a batch is posted, pending (in the batch being gathered)
 * or failed (its batch finally failed, and the {@link dev.signals.router.spi.BatchFailedException}
 * thrown named it to the router, which diverted or dropped it):
 * {@code accepted = posted + pending + failed}, exactly. An event that {@code accept} turned
 * away without taking it (the sink was closed, the event could not be encoded) is in
 * {@code refused}.
 *
 * @param accepted events taken into a batch
 * @param refused events turned away ({@code accept} threw without taking them)
 * @param posted events in batches the server answered with a 2xx
 * @param pending events in the batch being gathered
 * @param failed events in batches that finally failed, handed back to the router
 * @param requests POST requests made, retries included
 * @param retries requests that repeated a failed one
 * @param failedBatches batches that finally failed
 */
public record HttpSinkStats(long accepted, long refused, long posted, long pending, long failed, long requests,
                            long retries, long failedBatches) {
}
