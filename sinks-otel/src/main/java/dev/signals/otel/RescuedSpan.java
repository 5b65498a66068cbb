package dev.signals.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * An ended, unsampled span handed to the export processor by a rescue. Export processors skip
 * unsampled spans, so it says sampled; ids and parent are the span's own, and it carries
 * {@link TraceRescue#RESCUED_ATTRIBUTE} so that a backend shows how it got there.
 */
final class RescuedSpan implements ReadableSpan {

    private static final AttributeKey<Boolean> RESCUED = AttributeKey.booleanKey(TraceRescue.RESCUED_ATTRIBUTE);

    private final Data data;

    RescuedSpan(SpanData ended) {
        this.data = new Data(ended);
    }

    @Override
    public SpanContext getSpanContext() {
        return data.getSpanContext();
    }

    @Override
    public SpanContext getParentSpanContext() {
        return data.getParentSpanContext();
    }

    @Override
    public String getName() {
        return data.getName();
    }

    @Override
    public SpanData toSpanData() {
        return data;
    }

    @Override
    @SuppressWarnings("deprecation") // still abstract in ReadableSpan
    public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
        return data.getInstrumentationLibraryInfo();
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
        return data.getInstrumentationScopeInfo();
    }

    @Override
    public boolean hasEnded() {
        return true;
    }

    @Override
    public long getLatencyNanos() {
        return data.getEndEpochNanos() - data.getStartEpochNanos();
    }

    @Override
    public SpanKind getKind() {
        return data.getKind();
    }

    @Override
    public <T> T getAttribute(AttributeKey<T> key) {
        return data.getAttributes().get(key);
    }

    @Override
    public Attributes getAttributes() {
        return data.getAttributes();
    }

    /** The span's data, sampled, with the rescued attribute. */
    private static final class Data extends DelegatingSpanData {
        private final SpanContext context;
        private final Attributes attributes;

        Data(SpanData ended) {
            super(ended);
            SpanContext c = ended.getSpanContext();
            this.context = SpanContext.create(c.getTraceId(), c.getSpanId(), TraceFlags.getSampled(), c.getTraceState());
            this.attributes = ended.getAttributes().toBuilder().put(RESCUED, true).build();
        }

        @Override
        public SpanContext getSpanContext() {
            return context;
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public int getTotalAttributeCount() {
            return super.getTotalAttributeCount() + 1;
        }
    }
}
