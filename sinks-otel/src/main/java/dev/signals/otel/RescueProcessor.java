package dev.signals.otel;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends sampled spans to the export processor as they end, keeps unsampled ones in the
 * {@link RescueBuffer}, and hands them over (as {@link RescuedSpan}s) when their trace is rescued.
 */
final class RescueProcessor implements SpanProcessor {

    private final RescueBuffer<SpanData> buffer;
    private final SpanProcessor export;
    private final Consumer<String> trigger = this::errorIn;

    RescueProcessor(RescueBuffer<SpanData> buffer, SpanProcessor export) {
        this.buffer = buffer;
        this.export = export;
        RescueTriggers.add(trigger);
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (!span.getSpanContext().isSampled()) {
            buffer.started(span.getSpanContext().getTraceId());
        }
        if (export.isStartRequired()) {
            export.onStart(parentContext, span);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.getSpanContext().isSampled()) {
            export.onEnd(span);
            return;
        }
        SpanData data = span.toSpanData();
        boolean failed = data.getStatus().getStatusCode() == StatusCode.ERROR;
        send(buffer.ended(data.getTraceId(), data, failed));
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    private void errorIn(String traceId) {
        send(buffer.errorIn(traceId));
    }

    private void send(List<SpanData> spans) {
        for (SpanData data : spans) {
            export.onEnd(new RescuedSpan(data));
        }
    }

    @Override
    public CompletableResultCode forceFlush() {
        return export.forceFlush();
    }

    @Override
    public CompletableResultCode shutdown() {
        RescueTriggers.remove(trigger);
        buffer.clear();
        return export.shutdown();
    }
}
