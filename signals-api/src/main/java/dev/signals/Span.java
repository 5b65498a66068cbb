package dev.signals;

import dev.signals.spi.BridgeScope;
import dev.signals.spi.BridgedSpan;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A timed unit of work with W3C trace identity. Opened by {@link Signals#span}, it becomes the
 * current thread's trace context until closed, so every event emitted inside it carries its
 * {@link #traceId()} and {@link #spanId()}; a span opened inside another is its child.
 *
 * <pre>{@code
 * try (Span span = Signals.span("charge_card", Field.of("order_id", id))) {
 *     try {
 *         gateway.charge(card);
 *     } catch (PaymentException e) {
 *         span.fail(e);
 *         throw e;
 *     }
 * }
 * }</pre>
 *
 * <p>Opening emits {@link #STARTED}; closing emits {@link #ENDED} with the span's name,
 * duration and status ({@code OK}, or {@code ERROR} after {@link #fail}). With a tracing
 * system bridged in (the {@code sinks-otel} module and an OpenTelemetry SDK or agent), the span
 * is also a span of that system, with the same ids, and is current there while it is open.
 *
 * <p>Rules that hold however a span is used:
 * <ul>
 *   <li>{@link #close()} ends the span once; later calls do nothing. It may be called on any
 *       thread: the span ends there, and the thread that opened it drops it from its context
 *       the next time that thread looks (its next event or span).</li>
 *   <li>Spans closed out of order leave the right context behind: closing a span while a span
 *       opened inside it is still open ends it at once, and its context is removed from the
 *       thread when the inner span closes.</li>
 *   <li>{@link #fail} records the first failure only and is ignored once the span has ended.</li>
 *   <li>Nothing here throws into application code.</li>
 * </ul>
 */
public final class Span implements AutoCloseable {

    /**
     * Emitted when a span opens, with {@code span}, {@code parent_span_id} (unless a root),
     * {@code span_kind} (unless {@link SpanKind#INTERNAL}) and the span's fields.
     */
    public static final Signal STARTED = Signal.of("SPAN_STARTED", Severity.DEBUG);
    /**
     * Emitted when a span closes, with {@code span}, {@code duration}, {@code status}, the failure
     * if any, and {@code span_kind} (unless {@link SpanKind#INTERNAL}).
     */
    public static final Signal ENDED = Signal.of("SPAN_ENDED", Severity.DEBUG);

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** A trace Signals starts is sampled, and its id random ({@link #randomId}: every bit drawn). */
    private static final int NEW_TRACE_FLAGS = TraceContext.SAMPLED | TraceContext.RANDOM;

    private final String name;
    private final SpanKind kind;
    private final TraceContext context;
    private final String parentSpanId;
    private final long startNanos;
    private final long startMicros;
    private final Thread owner;
    /** Where {@link OpenSpans} lists this span, or -1 when it is not listed. */
    private final int openSlot;
    /** The opening thread's stored context before this span; restored when it is unwound. */
    private final ThreadContext previous;
    /** The context this span stored on the opening thread. */
    private final ThreadContext installed;
    private final BridgedSpan bridged;
    private final AtomicBoolean ended = new AtomicBoolean();
    // Touched on the opening thread only.
    private BridgeScope bridgeScope;
    private boolean unwound;
    // Guarded by this.
    private Throwable error;
    private String failure;

    private Span(String name, SpanKind kind, TraceContext context, String parentSpanId, ThreadContext previous,
            BridgedSpan bridged) {
        this.name = name;
        this.kind = kind;
        this.context = context;
        this.parentSpanId = parentSpanId;
        this.startNanos = System.nanoTime();
        this.startMicros = Event.nowMicros();
        this.owner = Thread.currentThread();
        this.previous = previous;
        this.bridged = bridged;
        this.installed = new ThreadContext(previous.scoped, context, this,
                bridged != null ? ThreadContext.MIRROR : ThreadContext.OWN);
        this.openSlot = OpenSpans.add(this);
    }

    static Span start(SpanKind kind, String name, Field[] fields) {
        String spanName = name == null || name.isEmpty() ? "span" : name;
        TraceContext parent = ThreadContext.current().trace;
        BridgedSpan bridged = ThreadContext.startBridged(spanName, kind, parent, Signals.redact(fields));
        TraceContext ctx = bridged != null ? bridged.context()
                : parent == null ? TraceContext.local(randomId(2), randomId(1), NEW_TRACE_FLAGS, TraceState.empty())
                : TraceContext.local(parent.traceId(), randomId(1), parent.flags(), parent.traceState());
        Span span = new Span(spanName, kind, ctx, parent == null ? null : parent.spanId(), ThreadContext.raw(), bridged);
        ThreadContext.set(span.installed);
        if (bridged != null) {
            span.bridgeScope = ThreadContext.makeCurrent(bridged);
        }
        if (Signals.isRouted(STARTED)) {
            Field[] head = span.parentSpanId == null
                    ? span.withKind(Field.of("span", spanName))
                    : span.withKind(Field.of("span", spanName), Field.of("parent_span_id", span.parentSpanId));
            Field[] all = java.util.Arrays.copyOf(head, head.length + fields.length);
            System.arraycopy(fields, 0, all, head.length, fields.length);
            span.emit(STARTED, all);
        }
        return span;
    }

    /**
     * {@code longs} random 64-bit halves as lowercase hex, each never zero, so the id is never
     * all zeros. Every bit is drawn uniformly (but for the one all-zero value), so a trace id's
     * right-most 7 bytes are random as the W3C {@link TraceContext#RANDOM} flag promises.
     */
    static String randomId(int longs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[longs * 16];
        for (int i = 0; i < longs; i++) {
            long v;
            do {
                v = random.nextLong();
            } while (v == 0);
            for (int d = 15; d >= 0; d--) {
                out[i * 16 + d] = HEX[(int) (v & 0xF)];
                v >>>= 4;
            }
        }
        return new String(out);
    }

    /** The span's name, as given to {@link Signals#span}. */
    public String name() {
        return name;
    }

    /** The span's kind, as given to {@link Signals#span(SpanKind, String, Field...)}; {@link SpanKind#INTERNAL} by default. */
    public SpanKind kind() {
        return kind;
    }

    /**
     * {@code fields} followed by {@code span_kind} when this span is not internal: an internal
     * span's events stay as they were before spans had kinds.
     */
    private Field[] withKind(Field... fields) {
        if (kind == SpanKind.INTERNAL) {
            return fields;
        }
        Field[] all = java.util.Arrays.copyOf(fields, fields.length + 1);
        all[fields.length] = Field.of("span_kind", kind.name());
        return all;
    }

    /** The trace id: 32 lowercase hex digits. */
    public String traceId() {
        return context.traceId();
    }

    /** This span's id: 16 lowercase hex digits. */
    public String spanId() {
        return context.spanId();
    }

    /** The parent span's id (in this process or another), or {@code null} for a root span. */
    public String parentSpanId() {
        return parentSpanId;
    }

    /** This span's trace context: what events inside it carry. */
    public TraceContext context() {
        return context;
    }

    /** The name of the thread that opened the span. */
    public String thread() {
        return owner.getName();
    }

    /** When the span opened: microseconds since the epoch, on the clock of events' {@code time}. */
    public long startEpochMicros() {
        return startMicros;
    }

    /** Nanoseconds since the span opened. */
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * The W3C {@code traceparent} header that continues this trace in another service: the
     * single-header form of {@link #writeHeaders}, which sends the trace's {@code tracestate} too.
     */
    public String traceparent() {
        return context.traceparent();
    }

    /**
     * Writes this span's trace headers onto an outgoing request: {@code traceparent}, and
     * {@code tracestate} when the trace carries one ({@link TraceHeaders#write}).
     *
     * <pre>{@code
     * HttpRequest.Builder request = HttpRequest.newBuilder(uri);
     * span.writeHeaders(request::header);
     * }</pre>
     *
     * An exception thrown by {@code headers} reaches the caller.
     */
    public void writeHeaders(TraceHeaders.Setter headers) {
        TraceHeaders.write(context, headers);
    }

    /**
     * Marks the span failed with this error: it ends with status {@code ERROR}, the error goes
     * with {@link #ENDED} and, when bridged, is recorded as an exception on the span. Only the
     * first failure counts; a failure after the span ended is ignored.
     */
    public void fail(Throwable cause) {
        recordFailure(cause, cause == null ? "failed" : String.valueOf(cause));
    }

    /** Marks the span failed with this description; see {@link #fail(Throwable)}. */
    public void fail(String description) {
        recordFailure(null, description == null || description.isEmpty() ? "failed" : description);
    }

    private synchronized void recordFailure(Throwable cause, String description) {
        if (failure == null && !ended.get()) {
            failure = description;
            error = cause;
        }
    }

    /** True once {@link #fail} took effect. */
    public synchronized boolean failed() {
        return failure != null;
    }

    /** True once the span has been closed. */
    public boolean ended() {
        return ended.get();
    }

    /**
     * Ends the span: emits {@link #ENDED}, ends the bridged span, and on the thread that opened
     * it restores the context it had before. Idempotent; safe on any thread.
     */
    @Override
    public void close() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        OpenSpans.remove(this, openSlot);
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        String why;
        Throwable err;
        synchronized (this) {
            why = failure;
            err = error;
        }
        if (Signals.isRouted(ENDED)) {
            emit(ENDED, why == null
                    ? withKind(Field.of("span", name), Field.of("duration", duration), Field.of("status", "OK"))
                    : withKind(Field.of("span", name), Field.of("duration", duration), Field.of("status", "ERROR"),
                            err != null ? Field.error(err) : Field.of("failure", why)));
        }
        if (bridged != null) {
            ThreadContext.endBridged(bridged, why, err);
        }
        if (Thread.currentThread() == owner && ThreadContext.raw() == installed) {
            unwind();
        }
        // Otherwise something opened inside this span is still open here, or this is another
        // thread: the opening thread unwinds past this span when it next reaches it.
    }

    /**
     * Emits with exactly this span's context, whatever the calling thread carries (the span may
     * be closed on another thread, or out of order).
     */
    private void emit(Signal signal, Field[] fields) {
        ThreadContext saved = ThreadContext.raw();
        ThreadContext.set(new ThreadContext(installed.scoped, context, null, ThreadContext.OWN));
        try {
            Signals.emit(signal, name, ThreadContext.NO_FIELDS, fields);
        } finally {
            ThreadContext.set(saved);
        }
    }

    /**
     * Called with the opening thread's stored context {@code c} whose span this is: when this
     * span ended without being unwound (closed on another thread), unwinds it now.
     *
     * @return the context the thread carries after that
     */
    ThreadContext afterEndElsewhere(ThreadContext c) {
        if (c == installed && Thread.currentThread() == owner && !unwound && ended.get()) {
            unwind();
            return ThreadContext.raw();
        }
        return c;
    }

    /**
     * On the opening thread, with this span's context stored: closes its bridge scope and
     * restores the context before it, and goes on through the spans below that already ended
     * (closed out of order), innermost first, so the tracing system's scopes close in order too.
     */
    private void unwind() {
        Span s = this;
        ThreadContext back;
        while (true) {
            s.unwound = true;
            if (s.bridgeScope != null) {
                ThreadContext.close(s.bridgeScope);
                s.bridgeScope = null;
            }
            back = s.previous;
            Span below = back.span;
            if (below == null || back != below.installed || below.owner != owner || below.unwound || !below.ended.get()) {
                break;
            }
            s = below;
        }
        ThreadContext.set(back);
    }

    @Override
    public String toString() {
        return "Span[" + name + " " + context.traceparent() + (ended.get() ? " ended]" : "]");
    }
}
