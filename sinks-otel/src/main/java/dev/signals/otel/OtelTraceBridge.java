package dev.signals.otel;

import dev.signals.Field;
import dev.signals.TraceContext;
import dev.signals.spi.BridgeScope;
import dev.signals.spi.BridgedSpan;
import dev.signals.spi.CapturedContext;
import dev.signals.spi.TraceBridge;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;

/**
 * Signals spans as OpenTelemetry spans, through whatever SDK {@link OtelTracing} finds: the SDK
 * assigns the ids, records the span and exports it; the span is current in OpenTelemetry's
 * {@link Context} while it is open in Signals; and a span opened through the OpenTelemetry API
 * is what Signals events carry when Signals has no span inside it.
 */
final class OtelTraceBridge implements TraceBridge {

    static final OtelTraceBridge INSTANCE = new OtelTraceBridge();

    private OtelTraceBridge() {
    }

    @Override
    public BridgedSpan startSpan(String name, TraceContext parent, List<Field> attributes) {
        return startSpan(name, dev.signals.SpanKind.INTERNAL, parent, attributes);
    }

    @Override
    public BridgedSpan startSpan(String name, dev.signals.SpanKind kind, TraceContext parent, List<Field> attributes) {
        OpenTelemetry otel = OtelTracing.openTelemetry();
        if (otel == null) {
            return null;
        }
        Context base = Context.current();
        SpanBuilder builder = OtelTracing.tracer(otel).spanBuilder(name).setSpanKind(SpanKinds.toOtel(kind));
        Context parentContext = parent == null ? null : parentContext(base, parent);
        if (parentContext == null) {
            builder.setNoParent();
        } else {
            builder.setParent(parentContext);
        }
        if (!attributes.isEmpty()) {
            builder.setAllAttributes(FieldAttributes.of(attributes));
        }
        Span span = builder.startSpan();
        SpanContext sc = span.getSpanContext();
        if (!sc.isValid() || (parent != null && sc.getSpanId().equals(parent.spanId()))) {
            // A no-op OpenTelemetry hands back its parent or nothing: there is no SDK to bridge to.
            return null;
        }
        OtelBridgedSpan bridged = new OtelBridgedSpan(span,
                (parentContext == null ? base : parentContext).with(span), SpanContexts.toSignals(sc, traceState(sc, parent)));
        LiveSpans.INSTANCE.add(bridged);
        return bridged;
    }

    /**
     * The span's tracestate: the parent's own, whole, when OpenTelemetry carried it over
     * unchanged (its check of keys is stricter than the Level 2 grammar, so its copy may lack
     * members that must still be passed on), else the one OpenTelemetry's sampler gave the span.
     */
    private static dev.signals.TraceState traceState(SpanContext sc, TraceContext parent) {
        if (parent != null && parent.traceId().equals(sc.getTraceId())
                && SpanContexts.toOtel(parent.traceState()).equals(sc.getTraceState())) {
            return parent.traceState();
        }
        return SpanContexts.toSignals(sc.getTraceState());
    }

    /**
     * The context to start a child of {@code parent} in: the current one when its span is the
     * parent (keeping baggage and the real span object), else the current one with the parent
     * put in, as its live span when it is a bridged span, else rebuilt from its ids.
     */
    private static Context parentContext(Context base, TraceContext parent) {
        SpanContext current = Span.fromContext(base).getSpanContext();
        if (current.isValid() && current.getSpanId().equals(parent.spanId()) && current.getTraceId().equals(parent.traceId())) {
            return base;
        }
        OtelBridgedSpan live = LiveSpans.INSTANCE.get(parent.traceId(), parent.spanId());
        return base.with(live != null ? live.otelSpan() : Span.wrap(SpanContexts.toOtel(parent)));
    }

    @Override
    public TraceContext currentContext() {
        Span span = Span.fromContextOrNull(Context.current());
        if (span == null) {
            return null;
        }
        SpanContext sc = span.getSpanContext();
        if (!sc.isValid()) {
            return null;
        }
        OtelBridgedSpan live = LiveSpans.INSTANCE.get(sc.getTraceId(), sc.getSpanId());
        return live != null ? live.context() : SpanContexts.toSignals(sc);
    }

    @Override
    public CapturedContext captureContext() {
        Context captured = Context.current();
        if (captured == Context.root()) {
            return null;
        }
        return () -> {
            Scope scope = captured.makeCurrent();
            return scope::close;
        };
    }

    @Override
    public BridgeScope continueRemote(TraceContext remote) {
        if (OtelTracing.openTelemetry() == null) {
            return null;
        }
        Scope scope = Context.current().with(Span.wrap(SpanContexts.toOtel(remote))).makeCurrent();
        return scope::close;
    }
}
