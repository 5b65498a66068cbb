package dev.signals;

import java.util.Iterator;

/**
 * The W3C Trace Context headers, {@code traceparent} and {@code tracestate}, read from a
 * request's headers and written onto an outgoing request, whatever the HTTP (or messaging)
 * library: it is reached through a {@link Getter} and a {@link Setter}, as OpenTelemetry's
 * {@code TextMapGetter} and {@code TextMapSetter} do.
 *
 * <pre>{@code
 * TraceContext caller = TraceHeaders.read(exchange.getRequestHeaders()::get);   // JDK HttpServer
 * TraceHeaders.write(span.context(), requestBuilder::header);                   // JDK HttpClient
 * }</pre>
 *
 * {@link Signals#continueTraceFrom} and {@link Span#writeHeaders} do the same in one call.
 */
public final class TraceHeaders {

    /** The header that carries the trace id, the parent span id and the trace flags. */
    public static final String TRACEPARENT = "traceparent";
    /** The header that carries the other tracing systems' entries ({@link TraceState}). */
    public static final String TRACESTATE = "tracestate";

    private TraceHeaders() {
    }

    /** Reads the header lines of a request. */
    @FunctionalInterface
    public interface Getter {
        /**
         * All lines of the header named {@code name}, in the order they came, or {@code null}
         * (or an empty list) when there is none. Header names are case-insensitive: the
         * getter must find {@code TraceParent} when asked for {@code traceparent}.
         */
        Iterable<String> values(String name);
    }

    /** Sets a header on an outgoing request. */
    @FunctionalInterface
    public interface Setter {
        /** Sets header {@code name} to {@code value} (names are given in lower case). */
        void set(String name, String value);
    }

    /**
     * The caller's trace context from a request's headers: a remote context with the caller's
     * flags and tracestate.
     *
     * <ul>
     *   <li>No {@code traceparent}, a malformed one, or more than one {@code traceparent} line:
     *       {@code null} (no parent; a span opened then starts a new trace), and
     *       {@code tracestate} is not read.</li>
     *   <li>All {@code tracestate} lines are one list; a malformed list is discarded and the
     *       {@code traceparent} is still continued (see {@link TraceState} for the rules).</li>
     * </ul>
     * Exceptions thrown by {@code headers} reach the caller.
     */
    public static TraceContext read(Getter headers) {
        String traceparent = single(headers.values(TRACEPARENT));
        if (traceparent == null) {
            return null;
        }
        TraceContext parent = TraceContext.fromTraceparent(traceparent);
        return parent == null ? null : parent.withTraceState(TraceState.parse(headers.values(TRACESTATE)));
    }

    /** The one line, or {@code null} when there is none or more than one. */
    private static String single(Iterable<String> lines) {
        if (lines == null) {
            return null;
        }
        Iterator<String> it = lines.iterator();
        if (!it.hasNext()) {
            return null;
        }
        String first = it.next();
        return it.hasNext() ? null : first;
    }

    /**
     * Writes {@code context} onto an outgoing request: {@code traceparent} always, and
     * {@code tracestate} when the trace has one (an empty one is not sent). Exceptions thrown by
     * {@code headers} reach the caller.
     */
    public static void write(TraceContext context, Setter headers) {
        headers.set(TRACEPARENT, context.traceparent());
        if (!context.traceState().isEmpty()) {
            headers.set(TRACESTATE, context.traceState().header());
        }
    }
}
