package dev.signals.otel;

import dev.signals.TraceContext;
import dev.signals.spi.BridgeScope;
import dev.signals.spi.BridgedSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicReference;

/** A Signals span backed by an OpenTelemetry span; also where span sinks keep its event budget. */
final class OtelBridgedSpan implements BridgedSpan {

    private final Span span;
    private final Context context;
    private final TraceContext ids;
    private final AtomicReference<SpanEventBudget> budget = new AtomicReference<>();

    OtelBridgedSpan(Span span, Context context, TraceContext ids) {
        this.span = span;
        this.context = context;
        this.ids = ids;
    }

    @Override
    public TraceContext context() {
        return ids;
    }

    Span otelSpan() {
        return span;
    }

    @Override
    public BridgeScope makeCurrent() {
        Scope scope = context.makeCurrent();
        return scope::close;
    }

    @Override
    public void end(String failure, Throwable error) {
        try {
            if (error != null) {
                span.recordException(error);
            }
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure);
            }
            span.end();
        } finally {
            LiveSpans.INSTANCE.remove(this);
        }
    }

    /** The span's event budget, made with these limits by the first sink that asks. */
    SpanEventBudget budget(int max, int reservedForWarnings) {
        SpanEventBudget b = budget.get();
        if (b == null) {
            budget.compareAndSet(null, new SpanEventBudget(max, reservedForWarnings));
            b = budget.get();
        }
        return b;
    }
}
