package dev.signals.otel;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.Span;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sink type {@code otel-spans}: puts Signals events on OpenTelemetry spans.
 *
 * <ul>
 *   <li><b>Span events.</b> An event emitted inside a span (a Signals span, or one opened
 *       through the OpenTelemetry API) is added to that span as a span event, fields as typed
 *       attributes, an error as the span's exception (see {@link SpanEvents}). At most
 *       {@code maxEventsPerSpan} per span, the last {@code reservedForWarnings} of them kept for
 *       WARN and above; the span says how many were left out in the
 *       {@value #DROPPED_EVENTS} attribute. {@link Span#STARTED} and {@link Span#ENDED} are the
 *       span itself and are not repeated as events.</li>
 *   <li><b>Spans from signal pairs.</b> For code that does not use the span API, a start signal
 *       and its end or failure signal, tied by a field, become one span with the events' times
 *       ({@link SpanPair}); it is a child of the span the start was emitted in. Starts waiting
 *       for their end are capped at {@code maxOpenPairs}; the oldest beyond are evicted and
 *       counted ({@link #evictedStarts()}).</li>
 *   <li><b>Trace rescue.</b> An event of {@code rescueMinSeverity} (ERROR by default) emitted in
 *       a span that is recorded but not sampled tells every running {@link TraceRescue} to
 *       export that trace ({@link #rescueRequests()}); like span events, this needs the span
 *       open when the event is delivered.</li>
 * </ul>
 *
 * <p>Span events can only be added while the span is open, so route this sink synchronously
 * (the default): events delivered after their span ended are counted in
 * {@link #unattachedEvents()}. Spans from pairs work either way.
 */
public final class OtelSpanSink implements Sink {

    /** The span attribute counting the events this sink left out of the span. */
    public static final String DROPPED_EVENTS = "signals.events_dropped";

    private static final AttributeKey<Long> DROPPED_KEY = AttributeKey.longKey(DROPPED_EVENTS);

    private final OpenTelemetry openTelemetry;
    private final boolean spanEvents;
    private final Severity eventMinSeverity;
    private final int maxEventsPerSpan;
    private final int reservedForWarnings;
    private final Severity rescueMinSeverity;
    private final PairTracker pairs;
    private final ForeignSpanBudgets foreignBudgets;
    private final LongAdder attached = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder unattached = new LongAdder();
    private final LongAdder pairSpans = new LongAdder();
    private final LongAdder unmatchedEnds = new LongAdder();
    private final LongAdder uncorrelated = new LongAdder();
    private final LongAdder rescueRequests = new LongAdder();

    private OtelSpanSink(Builder b) {
        this.openTelemetry = b.openTelemetry;
        this.spanEvents = b.spanEvents;
        this.eventMinSeverity = b.eventMinSeverity;
        this.maxEventsPerSpan = b.maxEventsPerSpan;
        this.reservedForWarnings = b.reservedForWarnings;
        this.rescueMinSeverity = b.rescueMinSeverity;
        this.pairs = new PairTracker(b.pairs, b.maxOpenPairs);
        this.foreignBudgets = new ForeignSpanBudgets(maxEventsPerSpan, reservedForWarnings);
    }

    /** A sink with the defaults: span events on, 128 per span with 32 kept for warnings, no pairs. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void accept(Event event) {
        if (rescueMinSeverity != null && event.spanId() != null && event.severity().isAtLeast(rescueMinSeverity)) {
            rescue(event);
        }
        PairTracker.Role role = pairs.roleOf(event);
        if (role != null) {
            pair(role, event);
        } else if (spanEvents && event.spanId() != null && event.signal() != Span.STARTED
                && event.signal() != Span.ENDED && event.severity().isAtLeast(eventMinSeverity)) {
            attach(event);
        }
    }

    // ---------------------------------------------------------------- span events

    private void attach(Event e) {
        OtelBridgedSpan live = LiveSpans.INSTANCE.get(e.traceId(), e.spanId());
        io.opentelemetry.api.trace.Span target = live != null ? live.otelSpan() : currentSpanOf(e);
        if (target == null) {
            unattached.increment();
            return;
        }
        SpanEventBudget budget = live != null
                ? live.budget(maxEventsPerSpan, reservedForWarnings) : foreignBudgets.of(e.spanId());
        if (!target.isRecording()) {
            unattached.increment();
            return;
        }
        if (budget.admit(e.severity())) {
            SpanEvents.record(target, e);
            attached.increment();
        } else {
            dropped.increment();
            target.setAttribute(DROPPED_KEY, budget.dropped());
        }
    }

    /**
     * The span the event was emitted in when it is not a Signals span: the one the OpenTelemetry
     * API made current on the emitting thread, or {@code null} when that is not the event's span.
     */
    private static io.opentelemetry.api.trace.Span currentSpanOf(Event e) {
        io.opentelemetry.api.trace.Span current = io.opentelemetry.api.trace.Span.current();
        SpanContext sc = current.getSpanContext();
        boolean same = sc.isValid() && sc.getSpanId().equals(e.spanId()) && sc.getTraceId().equals(e.traceId());
        return same ? current : null;
    }

    // ---------------------------------------------------------------- trace rescue

    /**
     * Asks the running rescues to export the event's trace, when its span is recorded but not
     * sampled: a sampled trace is exported anyway, and a span not reachable here (the event came
     * late, or from another SDK) says nothing about how its trace was sampled.
     */
    private void rescue(Event e) {
        OtelBridgedSpan live = LiveSpans.INSTANCE.get(e.traceId(), e.spanId());
        io.opentelemetry.api.trace.Span span = live != null ? live.otelSpan() : currentSpanOf(e);
        if (span != null && span.isRecording() && !span.getSpanContext().isSampled()) {
            rescueRequests.increment();
            RescueTriggers.errorIn(e.traceId());
        }
    }

    // ---------------------------------------------------------------- spans from pairs

    private void pair(PairTracker.Role role, Event e) {
        String key = correlationValue(e.field(role.pair.correlate()));
        if (key == null) {
            uncorrelated.increment();
            return;
        }
        if (role.kind == PairTracker.Kind.START) {
            SpanContext parent = e.traceId() == null ? null : SpanContexts.ofEvent(e.traceId(), e.spanId());
            pairs.started(role.pair, key, new PairTracker.Pending(e, parent));
            return;
        }
        PairTracker.Pending start = pairs.finished(role.pair, key);
        if (start == null) {
            unmatchedEnds.increment();
            return;
        }
        OpenTelemetry otel = openTelemetry != null ? openTelemetry : OtelTracing.openTelemetry();
        if (otel == null) {
            throw new IllegalStateException("span pair '" + role.pair.name() + "' completed but no OpenTelemetry is "
                    + "set up: set GlobalOpenTelemetry, run with the Java agent, or call OtelTracing.install");
        }
        pairSpan(OtelTracing.tracer(otel).spanBuilder(role.pair.name()), role, start, e);
        pairSpans.increment();
    }

    private static void pairSpan(SpanBuilder builder, PairTracker.Role role, PairTracker.Pending pending, Event end) {
        Event start = pending.start;
        builder.setSpanKind(role.pair.kind()).setStartTimestamp(start.epochMicros(), TimeUnit.MICROSECONDS);
        if (pending.parent != null) {
            builder.setParent(Context.root().with(io.opentelemetry.api.trace.Span.wrap(pending.parent)));
        } else {
            builder.setNoParent();
        }
        boolean failed = role.kind == PairTracker.Kind.FAILURE;
        int error = failed ? FieldAttributes.errorIndex(end) : -1;
        AttributesBuilder attributes = Attributes.builder();
        FieldAttributes.putFields(attributes, start, -1, Set.of());
        FieldAttributes.putFields(attributes, end, error, Set.of()); // the end's values win
        builder.setAllAttributes(attributes.build());
        io.opentelemetry.api.trace.Span span = builder.startSpan();
        if (failed) {
            if (error >= 0) {
                span.recordException(end.field(error).errorValue());
            }
            span.setStatus(StatusCode.ERROR, end.message().isEmpty() ? end.signal().name() : end.message());
        }
        span.end(Math.max(end.epochMicros(), start.epochMicros()), TimeUnit.MICROSECONDS);
    }

    /** The field's value as the text that ties an end to its start, or {@code null} when absent. */
    private static String correlationValue(Field f) {
        if (f == null) {
            return null;
        }
        switch (f.type()) {
            case STRING: return f.stringValue();
            case LONG: return Long.toString(f.longValue());
            default:
                Object v = f.value();
                return v == null ? null : String.valueOf(v);
        }
    }

    // ---------------------------------------------------------------- figures

    /** Events added to spans. */
    public long attachedEvents() {
        return attached.sum();
    }

    /** Events left out of their span because it had no room left (see {@link #DROPPED_EVENTS}). */
    public long droppedEvents() {
        return dropped.sum();
    }

    /** Events whose span was not open, not recording or not reachable here (delivered late, or not sampled). */
    public long unattachedEvents() {
        return unattached.sum();
    }

    /** Spans made from signal pairs. */
    public long pairSpans() {
        return pairSpans.sum();
    }

    /** Starts of pairs evicted before their end came: past {@code maxOpenPairs}, or replaced by a start with the same key. */
    public long evictedStarts() {
        return pairs.evicted();
    }

    /** End and failure signals that found no waiting start. */
    public long unmatchedEnds() {
        return unmatchedEnds.sum();
    }

    /** Pair signals without the field they correlate by. */
    public long uncorrelatedSignals() {
        return uncorrelated.sum();
    }

    /** Events of {@code rescueMinSeverity} in a recorded, unsampled span, which asked the running {@link TraceRescue}s to export their trace. */
    public long rescueRequests() {
        return rescueRequests.sum();
    }

    /** Starts waiting for their end now. */
    public int openPairs() {
        return pairs.openCount();
    }

    /** Sets up an {@link OtelSpanSink}. */
    public static final class Builder {
        private OpenTelemetry openTelemetry;
        private boolean spanEvents = true;
        private Severity eventMinSeverity = Severity.TRACE;
        private int maxEventsPerSpan = 128;
        private int reservedForWarnings = 32;
        private final List<SpanPair> pairs = new ArrayList<>();
        private int maxOpenPairs = 10_000;
        private Severity rescueMinSeverity = Severity.ERROR;

        private Builder() {
        }

        /**
         * The OpenTelemetry that makes spans from pairs; by default the one {@link OtelTracing}
         * finds when a pair completes.
         */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** Whether events become span events (default true). */
        public Builder spanEvents(boolean enabled) {
            this.spanEvents = enabled;
            return this;
        }

        /** The least severity an event needs to become a span event (default TRACE: all). */
        public Builder eventMinSeverity(Severity severity) {
            this.eventMinSeverity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        /**
         * Span events per span, at most (default 128, the SDK's own default limit: keep it no
         * higher than the SDK's {@code SpanLimits}), and how many of them only WARN and above
         * may take (default 32).
         */
        public Builder maxEventsPerSpan(int max, int reservedForWarnings) {
            if (max < 1 || reservedForWarnings < 0 || reservedForWarnings > max) {
                throw new IllegalArgumentException("need 1 <= maxEventsPerSpan and 0 <= reservedForWarnings <= maxEventsPerSpan, got "
                        + max + " and " + reservedForWarnings);
            }
            this.maxEventsPerSpan = max;
            this.reservedForWarnings = reservedForWarnings;
            return this;
        }

        /** Adds a span made from signal pairs. */
        public Builder pair(SpanPair pair) {
            pairs.add(Objects.requireNonNull(pair, "pair"));
            return this;
        }

        /** Starts that may wait for their end at once (default 10,000); the oldest beyond are evicted. */
        public Builder maxOpenPairs(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxOpenPairs must be at least 1, got " + max);
            }
            this.maxOpenPairs = max;
            return this;
        }

        /**
         * The least severity of an event that rescues its trace through the running
         * {@link TraceRescue}s (default ERROR); {@code null} for none.
         */
        public Builder rescueMinSeverity(Severity severity) {
            this.rescueMinSeverity = severity;
            return this;
        }

        /** @throws IllegalArgumentException when two pairs share a signal */
        public OtelSpanSink build() {
            return new OtelSpanSink(this);
        }
    }
}
