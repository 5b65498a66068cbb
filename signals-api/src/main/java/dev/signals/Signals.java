package dev.signals;

import dev.signals.spi.BridgeScope;
import dev.signals.spi.CapturedContext;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The facade application code emits through.
 *
 * <pre>{@code
 * static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
 * Signals.emit(ORDER_CREATED, "Order created", Field.of("order_id", id), Field.of("items", 2));
 * }</pre>
 *
 * <p>Nothing here ever throws into the caller: a failure inside the dispatcher or a sink is
 * counted and reported by the router, and a failure before it is reported once on stderr.
 * An event is built only when its signal is routed somewhere ({@link #isRouted}).
 */
public final class Signals {

    private static volatile boolean internalErrorReported;

    private Signals() {
    }

    /** Emits {@code signal} with a message and fields, if any sink listens to it. */
    public static void emit(Signal signal, String message, Field... fields) {
        emit(signal, message, ThreadContext.NO_FIELDS, fields);
    }

    static void emit(Signal signal, String message, Field[] bound, Field[] fields) {
        try {
            var dispatcher = DispatcherLoader.Holder.DISPATCHER;
            if (dispatcher.isRouted(signal)) {
                dispatcher.dispatch(Event.capture(signal, message, bound, fields));
            }
        } catch (Throwable t) {
            reportInternalError(t);
        }
    }

    public static void trace(String message, Field... fields) {
        emit(Signal.TRACE, message, ThreadContext.NO_FIELDS, fields);
    }

    public static void debug(String message, Field... fields) {
        emit(Signal.DEBUG, message, ThreadContext.NO_FIELDS, fields);
    }

    public static void info(String message, Field... fields) {
        emit(Signal.INFO, message, ThreadContext.NO_FIELDS, fields);
    }

    public static void warn(String message, Field... fields) {
        emit(Signal.WARN, message, ThreadContext.NO_FIELDS, fields);
    }

    public static void error(String message, Field... fields) {
        emit(Signal.ERROR, message, ThreadContext.NO_FIELDS, fields);
    }

    public static void fatal(String message, Field... fields) {
        emit(Signal.FATAL, message, ThreadContext.NO_FIELDS, fields);
    }

    /**
     * True when some sink would receive {@code signal}: check it before computing costly fields.
     * Answered from the router's cached route table, without allocating.
     */
    public static boolean isRouted(Signal signal) {
        try {
            return DispatcherLoader.Holder.DISPATCHER.isRouted(signal);
        } catch (Throwable t) {
            reportInternalError(t);
            return false;
        }
    }

    /** An emitter whose events all carry {@code fields}, for example the service name. */
    public static Emitter with(Field... fields) {
        return new Emitter(fields.clone());
    }

    /**
     * Opens a scope: until it is closed, every event emitted on this thread carries
     * {@code fields} (after any scope already open).
     *
     * <pre>{@code
     * try (Scope s = Signals.scope(Field.of("request_id", rid))) { ... }
     * }</pre>
     */
    public static Scope scope(Field... fields) {
        return Scope.open(ThreadContext.current().withScoped(fields.clone()));
    }

    /**
     * Asks every snapshot sink to write the time-travel buffer out now, tagged with {@code reason}.
     *
     * @return how many snapshots were started
     */
    public static int snapshot(String reason) {
        try {
            return DispatcherLoader.Holder.DISPATCHER.snapshot(reason);
        } catch (Throwable t) {
            reportInternalError(t);
            return 0;
        }
    }

    /**
     * Opens a span, a child of the current one if any (a Signals span, a trace continued from a
     * header, or a span the bridged tracing system has current); close it to end it.
     *
     * <pre>{@code
     * try (Span span = Signals.span("charge_card", Field.of("order_id", id))) {
     *     ...
     * }
     * }</pre>
     *
     * @see Span
     */
    public static Span span(String name, Field... fields) {
        return Span.start(name, fields == null ? ThreadContext.NO_FIELDS : fields.clone());
    }

    /**
     * The trace context events on this thread carry now: the innermost open span (Signals' own or
     * the bridged tracing system's), or a trace continued from a header; {@code null} outside any.
     */
    public static TraceContext currentTrace() {
        return ThreadContext.current().trace;
    }

    /**
     * Continues a trace from another service: until the returned scope is closed, this thread's
     * events carry the remote trace id and span id, and spans opened here are children of the
     * remote span (a remote parent, in the bridged tracing system too). Open a span right inside
     * the scope, as below: the tracing system's own instrumentation then finds that span as its
     * parent. A missing or malformed header opens a scope that changes nothing.
     *
     * <pre>{@code
     * try (Scope remote = Signals.continueTrace(request.header("traceparent"));
     *      Span span = Signals.span("handle_order")) { ... }
     * }</pre>
     */
    public static Scope continueTrace(String traceparent) {
        TraceContext remote = TraceContext.fromTraceparent(traceparent);
        ThreadContext now = ThreadContext.current();
        if (remote == null) {
            return Scope.open(now);
        }
        return Scope.open(now.withTrace(remote), ThreadContext.continueRemote(remote));
    }

    /**
     * A runnable that runs with the context of the calling thread: scoped fields, trace, and the
     * bridged tracing system's context (so its instrumentation sees the same parent span).
     */
    public static Runnable wrap(Runnable task) {
        ThreadContext captured = ThreadContext.current();
        CapturedContext carried = ThreadContext.captureBridge();
        return () -> {
            BridgeScope bridge = ThreadContext.attach(carried);
            Scope scope = Scope.open(captured);
            try {
                task.run();
            } finally {
                scope.close();
                ThreadContext.close(bridge);
            }
        };
    }

    /** A callable that runs with the context of the calling thread; see {@link #wrap(Runnable)}. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        ThreadContext captured = ThreadContext.current();
        CapturedContext carried = ThreadContext.captureBridge();
        return () -> {
            BridgeScope bridge = ThreadContext.attach(carried);
            Scope scope = Scope.open(captured);
            try {
                return task.call();
            } finally {
                scope.close();
                ThreadContext.close(bridge);
            }
        };
    }

    /** An executor that runs each task with the context of the thread that submitted it. */
    public static Executor wrap(Executor executor) {
        return task -> executor.execute(wrap(task));
    }

    private static void reportInternalError(Throwable t) {
        if (!internalErrorReported) {
            internalErrorReported = true;
            System.err.println("Signals: an event could not be dispatched and was lost: " + t);
        }
    }
}
