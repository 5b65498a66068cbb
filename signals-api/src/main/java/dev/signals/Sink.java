package dev.signals;

/**
 * Receives events. A lambda is a sink: {@code router.route("ORDER_*", e -> queue.add(e))}.
 *
 * <p>A sink may throw: the router counts the failure, reports it as a {@code SINK_FAILED}
 * signal and goes on with the other sinks. A sink is called from one thread at a time only
 * when it is made asynchronous; a synchronous sink must be thread-safe.
 */
@FunctionalInterface
public interface Sink {

    /** Handles one event. */
    void accept(Event event) throws Exception;

    /** Pushes buffered events to their destination. */
    default void flush() throws Exception {
    }

    /** Flushes and releases what the sink holds. Called once, when the sink leaves the router. */
    default void close() throws Exception {
        flush();
    }
}
