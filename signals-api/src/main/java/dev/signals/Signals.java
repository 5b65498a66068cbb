package dev.signals;

import dev.signals.spi.BridgeScope;
import dev.signals.spi.CapturedContext;
import dev.signals.spi.Failures;
import dev.signals.spi.LoggerLevels;
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
    private static volatile boolean headerFailureReported;

    private Signals() {
    }

    /**
     * Emits {@code signal} with a message and fields, if any sink listens to it.
     *
     * <p>Calls with up to six fields compile to the fixed forms below, which build nothing when
     * the signal is routed nowhere: the JIT drops the unused {@link Field} objects. Fields given
     * as an array (more than six, or an explicit {@code Field[]}) are built by the caller either
     * way; guard costly ones with {@link #isRouted}.
     */
    public static void emit(Signal signal, String message, Field... fields) {
        emit(signal, message, ThreadContext.NO_FIELDS, fields);
    }

    static void emit(Signal signal, String message, Field[] bound, Field[] fields) {
        if (isRouted(signal)) {
            dispatch(signal, message, bound, fields);
        }
    }

    /** Builds the event and hands it to the dispatcher; only for a routed signal. */
    private static void dispatch(Signal signal, String message, Field[] bound, Field[] fields) {
        try {
            DispatcherLoader.Holder.DISPATCHER.emit(signal, message, bound, fields);
        } catch (Throwable t) {
            reportInternalError(t);
        }
    }

    /** {@link #emit(Signal, String, Field...)} without fields. */
    public static void emit(Signal signal, String message) {
        if (isRouted(signal)) {
            dispatch(signal, message, ThreadContext.NO_FIELDS, ThreadContext.NO_FIELDS);
        }
    }

    /** {@link #emit(Signal, String, Field...)} with one field, built only when the signal is routed. */
    public static void emit(Signal signal, String message, Field a) {
        if (isRouted(signal)) {
            dispatch(signal, message, ThreadContext.NO_FIELDS, new Field[] {a});
        }
    }

    /** {@link #emit(Signal, String, Field...)} with two fields, built only when the signal is routed. */
    public static void emit(Signal signal, String message, Field a, Field b) {
        if (isRouted(signal)) {
            dispatch(signal, message, ThreadContext.NO_FIELDS, new Field[] {a, b});
        }
    }

    /** {@link #emit(Signal, String, Field...)} with three fields, built only when the signal is routed. */
    public static void emit(Signal signal, String message, Field a, Field b, Field c) {
        if (isRouted(signal)) {
            dispatch(signal, message, ThreadContext.NO_FIELDS, new Field[] {a, b, c});
        }
    }

    /** {@link #emit(Signal, String, Field...)} with four fields, built only when the signal is routed. */
    public static void emit(Signal signal, String message, Field a, Field b, Field c, Field d) {
        if (isRouted(signal)) {
            dispatch(signal, message, ThreadContext.NO_FIELDS, new Field[] {a, b, c, d});
        }
    }

    /** {@link #emit(Signal, String, Field...)} with five fields, built only when the signal is routed. */
    public static void emit(Signal signal, String message, Field a, Field b, Field c, Field d, Field e) {
        if (isRouted(signal)) {
            dispatch(signal, message, ThreadContext.NO_FIELDS, new Field[] {a, b, c, d, e});
        }
    }

    /** {@link #emit(Signal, String, Field...)} with six fields, built only when the signal is routed. */
    public static void emit(Signal signal, String message, Field a, Field b, Field c, Field d, Field e, Field f) {
        if (isRouted(signal)) {
            dispatch(signal, message, ThreadContext.NO_FIELDS, new Field[] {a, b, c, d, e, f});
        }
    }

    /** Emits the built-in {@link Signal#TRACE} signal; see {@link #emit(Signal, String, Field...)}. */
    public static void trace(String message, Field... fields) {
        emit(Signal.TRACE, message, ThreadContext.NO_FIELDS, fields);
    }

    /** {@link #trace(String, Field...)} with no fields. */
    public static void trace(String message) {
        emit(Signal.TRACE, message);
    }

    /** {@link #trace(String, Field...)} with one field. */
    public static void trace(String message, Field a) {
        emit(Signal.TRACE, message, a);
    }

    /** {@link #trace(String, Field...)} with two fields. */
    public static void trace(String message, Field a, Field b) {
        emit(Signal.TRACE, message, a, b);
    }

    /** {@link #trace(String, Field...)} with three fields. */
    public static void trace(String message, Field a, Field b, Field c) {
        emit(Signal.TRACE, message, a, b, c);
    }

    /** {@link #trace(String, Field...)} with four fields. */
    public static void trace(String message, Field a, Field b, Field c, Field d) {
        emit(Signal.TRACE, message, a, b, c, d);
    }

    /** {@link #trace(String, Field...)} with five fields. */
    public static void trace(String message, Field a, Field b, Field c, Field d, Field e) {
        emit(Signal.TRACE, message, a, b, c, d, e);
    }

    /** {@link #trace(String, Field...)} with six fields. */
    public static void trace(String message, Field a, Field b, Field c, Field d, Field e, Field f) {
        emit(Signal.TRACE, message, a, b, c, d, e, f);
    }

    /** Emits the built-in {@link Signal#DEBUG} signal; see {@link #emit(Signal, String, Field...)}. */
    public static void debug(String message, Field... fields) {
        emit(Signal.DEBUG, message, ThreadContext.NO_FIELDS, fields);
    }

    /** {@link #debug(String, Field...)} with no fields. */
    public static void debug(String message) {
        emit(Signal.DEBUG, message);
    }

    /** {@link #debug(String, Field...)} with one field. */
    public static void debug(String message, Field a) {
        emit(Signal.DEBUG, message, a);
    }

    /** {@link #debug(String, Field...)} with two fields. */
    public static void debug(String message, Field a, Field b) {
        emit(Signal.DEBUG, message, a, b);
    }

    /** {@link #debug(String, Field...)} with three fields. */
    public static void debug(String message, Field a, Field b, Field c) {
        emit(Signal.DEBUG, message, a, b, c);
    }

    /** {@link #debug(String, Field...)} with four fields. */
    public static void debug(String message, Field a, Field b, Field c, Field d) {
        emit(Signal.DEBUG, message, a, b, c, d);
    }

    /** {@link #debug(String, Field...)} with five fields. */
    public static void debug(String message, Field a, Field b, Field c, Field d, Field e) {
        emit(Signal.DEBUG, message, a, b, c, d, e);
    }

    /** {@link #debug(String, Field...)} with six fields. */
    public static void debug(String message, Field a, Field b, Field c, Field d, Field e, Field f) {
        emit(Signal.DEBUG, message, a, b, c, d, e, f);
    }

    /** Emits the built-in {@link Signal#INFO} signal; see {@link #emit(Signal, String, Field...)}. */
    public static void info(String message, Field... fields) {
        emit(Signal.INFO, message, ThreadContext.NO_FIELDS, fields);
    }

    /** {@link #info(String, Field...)} with no fields. */
    public static void info(String message) {
        emit(Signal.INFO, message);
    }

    /** {@link #info(String, Field...)} with one field. */
    public static void info(String message, Field a) {
        emit(Signal.INFO, message, a);
    }

    /** {@link #info(String, Field...)} with two fields. */
    public static void info(String message, Field a, Field b) {
        emit(Signal.INFO, message, a, b);
    }

    /** {@link #info(String, Field...)} with three fields. */
    public static void info(String message, Field a, Field b, Field c) {
        emit(Signal.INFO, message, a, b, c);
    }

    /** {@link #info(String, Field...)} with four fields. */
    public static void info(String message, Field a, Field b, Field c, Field d) {
        emit(Signal.INFO, message, a, b, c, d);
    }

    /** {@link #info(String, Field...)} with five fields. */
    public static void info(String message, Field a, Field b, Field c, Field d, Field e) {
        emit(Signal.INFO, message, a, b, c, d, e);
    }

    /** {@link #info(String, Field...)} with six fields. */
    public static void info(String message, Field a, Field b, Field c, Field d, Field e, Field f) {
        emit(Signal.INFO, message, a, b, c, d, e, f);
    }

    /** Emits the built-in {@link Signal#WARN} signal; see {@link #emit(Signal, String, Field...)}. */
    public static void warn(String message, Field... fields) {
        emit(Signal.WARN, message, ThreadContext.NO_FIELDS, fields);
    }

    /** {@link #warn(String, Field...)} with no fields. */
    public static void warn(String message) {
        emit(Signal.WARN, message);
    }

    /** {@link #warn(String, Field...)} with one field. */
    public static void warn(String message, Field a) {
        emit(Signal.WARN, message, a);
    }

    /** {@link #warn(String, Field...)} with two fields. */
    public static void warn(String message, Field a, Field b) {
        emit(Signal.WARN, message, a, b);
    }

    /** {@link #warn(String, Field...)} with three fields. */
    public static void warn(String message, Field a, Field b, Field c) {
        emit(Signal.WARN, message, a, b, c);
    }

    /** {@link #warn(String, Field...)} with four fields. */
    public static void warn(String message, Field a, Field b, Field c, Field d) {
        emit(Signal.WARN, message, a, b, c, d);
    }

    /** {@link #warn(String, Field...)} with five fields. */
    public static void warn(String message, Field a, Field b, Field c, Field d, Field e) {
        emit(Signal.WARN, message, a, b, c, d, e);
    }

    /** {@link #warn(String, Field...)} with six fields. */
    public static void warn(String message, Field a, Field b, Field c, Field d, Field e, Field f) {
        emit(Signal.WARN, message, a, b, c, d, e, f);
    }

    /** Emits the built-in {@link Signal#ERROR} signal; see {@link #emit(Signal, String, Field...)}. */
    public static void error(String message, Field... fields) {
        emit(Signal.ERROR, message, ThreadContext.NO_FIELDS, fields);
    }

    /** {@link #error(String, Field...)} with no fields. */
    public static void error(String message) {
        emit(Signal.ERROR, message);
    }

    /** {@link #error(String, Field...)} with one field. */
    public static void error(String message, Field a) {
        emit(Signal.ERROR, message, a);
    }

    /** {@link #error(String, Field...)} with two fields. */
    public static void error(String message, Field a, Field b) {
        emit(Signal.ERROR, message, a, b);
    }

    /** {@link #error(String, Field...)} with three fields. */
    public static void error(String message, Field a, Field b, Field c) {
        emit(Signal.ERROR, message, a, b, c);
    }

    /** {@link #error(String, Field...)} with four fields. */
    public static void error(String message, Field a, Field b, Field c, Field d) {
        emit(Signal.ERROR, message, a, b, c, d);
    }

    /** {@link #error(String, Field...)} with five fields. */
    public static void error(String message, Field a, Field b, Field c, Field d, Field e) {
        emit(Signal.ERROR, message, a, b, c, d, e);
    }

    /** {@link #error(String, Field...)} with six fields. */
    public static void error(String message, Field a, Field b, Field c, Field d, Field e, Field f) {
        emit(Signal.ERROR, message, a, b, c, d, e, f);
    }

    /** Emits the built-in {@link Signal#FATAL} signal; see {@link #emit(Signal, String, Field...)}. */
    public static void fatal(String message, Field... fields) {
        emit(Signal.FATAL, message, ThreadContext.NO_FIELDS, fields);
    }

    /** {@link #fatal(String, Field...)} with no fields. */
    public static void fatal(String message) {
        emit(Signal.FATAL, message);
    }

    /** {@link #fatal(String, Field...)} with one field. */
    public static void fatal(String message, Field a) {
        emit(Signal.FATAL, message, a);
    }

    /** {@link #fatal(String, Field...)} with two fields. */
    public static void fatal(String message, Field a, Field b) {
        emit(Signal.FATAL, message, a, b);
    }

    /** {@link #fatal(String, Field...)} with three fields. */
    public static void fatal(String message, Field a, Field b, Field c) {
        emit(Signal.FATAL, message, a, b, c);
    }

    /** {@link #fatal(String, Field...)} with four fields. */
    public static void fatal(String message, Field a, Field b, Field c, Field d) {
        emit(Signal.FATAL, message, a, b, c, d);
    }

    /** {@link #fatal(String, Field...)} with five fields. */
    public static void fatal(String message, Field a, Field b, Field c, Field d, Field e) {
        emit(Signal.FATAL, message, a, b, c, d, e);
    }

    /** {@link #fatal(String, Field...)} with six fields. */
    public static void fatal(String message, Field a, Field b, Field c, Field d, Field e, Field f) {
        emit(Signal.FATAL, message, a, b, c, d, e, f);
    }

    /**
     * True when some sink would receive {@code signal}: check it before computing costly fields.
     * Answered from the router's cached route table, without allocating; false for {@code null}.
     */
    public static boolean isRouted(Signal signal) {
        if (signal == null) {
            return false; // so an emit without a signal makes nothing, and says nothing
        }
        try {
            return DispatcherLoader.Holder.DISPATCHER.isRouted(signal);
        } catch (Throwable t) {
            reportInternalError(t);
            return false;
        }
    }

    /**
     * The levels the configuration sets for bridged logger names (its {@code "loggers"}), for the
     * logging bridges: SLF4J, {@code java.util.logging}, {@code System.Logger}. A field read;
     * never throws ({@link LoggerLevels#NONE} on a failure).
     */
    public static LoggerLevels loggerLevels() {
        try {
            return DispatcherLoader.Holder.DISPATCHER.loggerLevels();
        } catch (Throwable t) {
            reportInternalError(t);
            return LoggerLevels.NONE;
        }
    }

    /**
     * The fields as they may leave the process, with the configuration's {@code redact} keys
     * replaced; for paths other than events (span attributes). Never throws: on a failure nothing
     * is let through in clear that redaction would have hidden, so every value is hidden.
     */
    static Field[] redact(Field[] fields) {
        try {
            return DispatcherLoader.Holder.DISPATCHER.redact(fields);
        } catch (Throwable t) {
            reportInternalError(t);
            Field[] hidden = new Field[fields.length];
            for (int i = 0; i < fields.length; i++) {
                hidden[i] = Field.secret(fields[i] == null ? "field" : fields[i].key(), "***");
            }
            return hidden;
        }
    }

    /**
     * An emitter whose events all carry {@code fields}, for example the service name. A null
     * array or null elements are ignored: the emitter carries the non-null fields.
     */
    public static Emitter with(Field... fields) {
        return new Emitter(nonNull(fields));
    }

    /**
     * Opens a scope: until it is closed, every event emitted on this thread carries
     * {@code fields} (after any scope already open).
     *
     * <pre>{@code
     * try (Scope s = Signals.scope(Field.of("request_id", rid))) { ... }
     * }</pre>
     *
     * <p>A null array or null elements are ignored: the scope carries the non-null fields.
     */
    public static Scope scope(Field... fields) {
        return Scope.open(ThreadContext.current().withScoped(nonNull(fields)));
    }

    /** A copy of {@code fields} without nulls, so a caller's later change or null never reaches events. */
    static Field[] nonNull(Field[] fields) {
        if (fields == null) {
            return new Field[0];
        }
        int n = 0;
        Field[] copy = new Field[fields.length];
        for (Field f : fields) {
            if (f != null) {
                copy[n++] = f;
            }
        }
        return n == copy.length ? copy : java.util.Arrays.copyOf(copy, n);
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
        return span(SpanKind.INTERNAL, name, fields);
    }

    /**
     * Opens a span of the given kind: {@link SpanKind#SERVER} around the handling of a request,
     * {@link SpanKind#CLIENT} around a call to another service, so that tracing backends draw
     * the dependencies between services. Otherwise as {@link #span(String, Field...)}.
     *
     * <pre>{@code
     * try (Scope remote = Signals.continueTraceFrom(exchange.getRequestHeaders()::get);
     *      Span span = Signals.span(SpanKind.SERVER, "POST /orders")) { ... }
     * }</pre>
     *
     * @param kind the span's kind; {@code null} is {@link SpanKind#INTERNAL}
     */
    public static Span span(SpanKind kind, String name, Field... fields) {
        return Span.start(kind == null ? SpanKind.INTERNAL : kind, name,
                fields == null ? ThreadContext.NO_FIELDS : fields.clone());
    }

    /**
     * The trace context events on this thread carry now: the innermost open span (Signals' own or
     * the bridged tracing system's), or a trace continued from a header; {@code null} outside any.
     */
    public static TraceContext currentTrace() {
        return ThreadContext.current().trace;
    }

    /**
     * Continues a trace from another service, from all the request's trace headers: until the
     * returned scope is closed, this thread's events carry the remote trace id and span id, and
     * spans opened here are children of the remote span (a remote parent, in the bridged tracing
     * system too), with the caller's trace flags and {@code tracestate}. Open a span right inside
     * the scope, as below: the tracing system's own instrumentation then finds that span as its
     * parent. No {@code traceparent}, a malformed one, or several {@code traceparent} lines open
     * a scope that changes nothing; {@link TraceHeaders#read} says how each header is read.
     *
     * <pre>{@code
     * try (Scope remote = Signals.continueTraceFrom(exchange.getRequestHeaders()::get);
     *      Span span = Signals.span("handle_order")) { ... }
     * }</pre>
     *
     * @param headers the request's header lines by case-insensitive name; an exception it throws
     *     is reported once on stderr and the scope changes nothing
     */
    public static Scope continueTraceFrom(TraceHeaders.Getter headers) {
        TraceContext remote;
        try {
            remote = TraceHeaders.read(headers);
        } catch (RuntimeException e) {
            reportHeaderFailure(e);
            remote = null;
        }
        return continueRemote(remote);
    }

    /**
     * Continues a trace from a single {@code traceparent} header value, without
     * {@code tracestate}: the single-header form of {@link #continueTraceFrom}, for a transport
     * that carries nothing else. A missing or malformed header opens a scope that changes nothing.
     *
     * <pre>{@code
     * try (Scope remote = Signals.continueTrace(message.attribute("traceparent"));
     *      Span span = Signals.span("handle_order")) { ... }
     * }</pre>
     */
    public static Scope continueTrace(String traceparent) {
        return continueRemote(TraceContext.fromTraceparent(traceparent));
    }

    private static Scope continueRemote(TraceContext remote) {
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

    private static void reportHeaderFailure(RuntimeException e) {
        if (!headerFailureReported) {
            headerFailureReported = true;
            System.err.println("Signals: reading trace headers failed (" + Failures.describe(e) + "); the trace is not continued");
        }
    }

    private static void reportInternalError(Throwable t) {
        if (!internalErrorReported) {
            internalErrorReported = true;
            System.err.println("Signals: an event could not be dispatched and was lost: " + Failures.describe(t));
        }
    }
}
