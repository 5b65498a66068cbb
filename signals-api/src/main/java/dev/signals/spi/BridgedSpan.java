package dev.signals.spi;

import dev.signals.TraceContext;

/**
 * A span started by a {@link TraceBridge}: the tracing system's span behind a
 * {@link dev.signals.Span}. Signals calls {@link #makeCurrent()} once, on the thread that opened
 * the span, closes that scope on the same thread, and calls {@link #end} exactly once, on the
 * thread that closes the span (which may be another).
 */
public interface BridgedSpan {

    /** The span's ids as the tracing system assigned them. */
    TraceContext context();

    /** Makes this span current in the tracing system on the calling thread until the scope is closed. */
    BridgeScope makeCurrent();

    /**
     * Ends the span.
     *
     * @param failure why the span failed, or {@code null} when it succeeded
     * @param error the error it failed with, or {@code null}
     */
    void end(String failure, Throwable error);
}
