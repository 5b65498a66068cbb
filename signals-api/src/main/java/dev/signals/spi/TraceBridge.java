package dev.signals.spi;

import dev.signals.Field;
import dev.signals.SpanKind;
import dev.signals.TraceContext;
import java.util.List;

/**
 * Connects Signals spans to a tracing system such as OpenTelemetry, so that one span is one
 * span in both, with the same ids, and parent/child relations hold whichever API opened the
 * parent.
 *
 * <ul>
 *   <li>{@link #startSpan} makes the tracing system start (and later end) the span, so that its
 *       ids are the ones Signals events carry and the span is recorded and exported.</li>
 *   <li>{@link BridgedSpan#makeCurrent()} makes the span current in the tracing system while it
 *       is current in Signals, so that code instrumented with the tracing system's own API
 *       becomes its child.</li>
 *   <li>{@link #currentContext()} tells Signals which span the tracing system has current, so
 *       that events emitted inside a span opened through that system's API carry its ids.</li>
 *   <li>{@link #captureContext()} carries the tracing system's context along with Signals'
 *       own when work is handed to another thread ({@code Signals.wrap}).</li>
 * </ul>
 *
 * <p>Every method is called on application threads, some of them for every event: they must be
 * cheap and thread-safe. A method that throws is treated as if it had answered {@code null}
 * (the failure is reported once on stderr), so a faulty bridge never breaks the application.
 */
public interface TraceBridge {

    /**
     * Starts a span in the tracing system.
     *
     * @param name the span's name
     * @param parent the parent span, local or from another process ({@link TraceContext#remote()}),
     *     or {@code null} to start a new trace; its trace flags and tracestate are the trace's, and
     *     the started span's {@link BridgedSpan#context()} should carry them on
     * @param attributes the fields given when the span was opened (read-only)
     * @return the started span, or {@code null} when the tracing system is not active (no SDK
     *     installed): Signals then makes W3C ids itself
     */
    BridgedSpan startSpan(String name, TraceContext parent, List<Field> attributes);

    /**
     * Starts a span of the given kind in the tracing system; otherwise as
     * {@link #startSpan(String, TraceContext, List)}. Signals calls this one. A bridge written
     * before spans had kinds keeps working: by default the kind is left out and the span
     * starts as the tracing system's default kind.
     *
     * @param kind the span's kind, never {@code null}
     */
    default BridgedSpan startSpan(String name, SpanKind kind, TraceContext parent, List<Field> attributes) {
        return startSpan(name, parent, attributes);
    }

    /**
     * The span the tracing system has current on the calling thread, or {@code null} when it
     * has none. Asked for each event emitted where Signals has no span of its own and, while a
     * bridged span is open, to find spans the tracing system opened inside it.
     */
    TraceContext currentContext();

    /**
     * The tracing system's context on the calling thread, to be attached on another thread, or
     * {@code null} when there is nothing to carry.
     */
    CapturedContext captureContext();

    /**
     * Makes a span of another process the current parent in the tracing system, for the
     * duration of a {@link dev.signals.Signals#continueTraceFrom} or
     * {@link dev.signals.Signals#continueTrace} scope, so that the system's own
     * instrumentation there becomes its child.
     *
     * @return the scope that undoes it, or {@code null} when the tracing system has none to give
     */
    default BridgeScope continueRemote(TraceContext remote) {
        return null;
    }
}
