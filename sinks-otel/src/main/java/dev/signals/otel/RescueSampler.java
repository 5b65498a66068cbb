package dev.signals.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/** The user's sampler, with DROP turned into RECORD_ONLY so that every span is recorded and can be rescued. */
final class RescueSampler implements Sampler {

    private final Sampler delegate;

    RescueSampler(Sampler delegate) {
        this.delegate = delegate;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        SamplingResult result = delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        return result.getDecision() == SamplingDecision.DROP ? new RecordOnly(result) : result;
    }

    @Override
    public String getDescription() {
        return "TraceRescue{" + delegate.getDescription() + "}";
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    /** The delegate's result (attributes, trace state) with the decision RECORD_ONLY. */
    private static final class RecordOnly implements SamplingResult {
        private final SamplingResult dropped;

        RecordOnly(SamplingResult dropped) {
            this.dropped = dropped;
        }

        @Override
        public SamplingDecision getDecision() {
            return SamplingDecision.RECORD_ONLY;
        }

        @Override
        public Attributes getAttributes() {
            return dropped.getAttributes();
        }

        @Override
        public TraceState getUpdatedTraceState(TraceState parentTraceState) {
            return dropped.getUpdatedTraceState(parentTraceState);
        }
    }
}
