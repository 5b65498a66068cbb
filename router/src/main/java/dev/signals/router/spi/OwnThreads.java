package dev.signals.router.spi;

import dev.signals.Sink;

/**
 * Implemented by a {@link Sink} whose delivery runs on threads the router does not start, such
 * as the I/O threads of the client library it sends with. The router already keeps what a
 * sink's delivery emits on its own threads (the caller of a synchronous sink, the worker of an
 * asynchronous one) from flowing back into that sink; a sink names its other threads here, so
 * that what the library logs on them is held back too (counted as {@code FEEDBACK}) instead of
 * feeding the sink without end. Those events still reach every other sink routed to them.
 */
public interface OwnThreads {

    /**
     * Whether the thread named {@code threadName} (the thread an event was emitted on, as
     * {@link dev.signals.Event#thread()} gives it) works for this sink. Names, not threads, so
     * that events held while the router started and delivered later are judged by the thread
     * that emitted them. Called for every event routed to the sink: it must be cheap (a prefix
     * comparison) and never block; a throw counts as no.
     */
    boolean isOwnThread(String threadName);
}
