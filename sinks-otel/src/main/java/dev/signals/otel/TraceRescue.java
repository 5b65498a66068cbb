package dev.signals.otel;

import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Exports the traces that head sampling dropped when an error occurs in them: every span is
 * recorded, the sampled ones are exported at once, the others are kept briefly per trace; a
 * span ending with status {@code ERROR}, or an event of {@code rescueMinSeverity} (ERROR by
 * default) delivered to an {@code otel-spans} sink ({@link OtelSpanSink}) in that trace,
 * exports them, and the trace's later spans follow as they end. The decision is taken when the
 * error happens; there is no fixed wait.
 *
 * <p>Plug it into the SDK the application builds:
 *
 * <pre>{@code
 * TraceRescue rescue = TraceRescue.builder().keep(Duration.ofSeconds(10)).build();
 * SdkTracerProvider.builder()
 *     .setSampler(rescue.sampler(Sampler.traceIdRatioBased(0.01)))
 *     .addSpanProcessor(rescue.processor(BatchSpanProcessor.builder(exporter).build()))
 *     .build();
 * }</pre>
 *
 * Rescued spans keep their trace, span and parent ids; they are handed to the export
 * processor marked sampled and with the attribute {@value #RESCUED_ATTRIBUTE} = true. Only
 * this process's spans are rescued: other services saw the trace as not sampled.
 * Counters: {@link #stats()}.
 */
public final class TraceRescue {

    /** The span attribute set on every span exported through a rescue. */
    public static final String RESCUED_ATTRIBUTE = "signals.rescued";

    private final RescueBuffer<io.opentelemetry.sdk.trace.data.SpanData> buffer;

    private TraceRescue(Builder b) {
        this.buffer = new RescueBuffer<>(b.keep.toNanos(), b.maxSpansPerTrace, b.maxSpans, b.maxTraces, b.nanoClock);
    }

    /** Defaults: keep 10 s, 1,000 spans per trace, 100,000 spans and 20,000 traces in all. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The sampler to give the SDK: {@code sampler}'s decisions, except that a span it drops is
     * recorded without being sampled, so that it can be rescued.
     */
    public Sampler sampler(Sampler sampler) {
        return new RescueSampler(Objects.requireNonNull(sampler, "sampler"));
    }

    /**
     * The span processor to give the SDK in place of {@code exportProcessor} (a
     * {@code BatchSpanProcessor} or {@code SimpleSpanProcessor}): sampled spans go to it as they
     * end, unsampled ones when their trace is rescued. From now until it shuts down, errors
     * reported by {@code otel-spans} sinks rescue traces. Call once per rescue.
     */
    public SpanProcessor processor(SpanProcessor exportProcessor) {
        return new RescueProcessor(buffer, Objects.requireNonNull(exportProcessor, "exportProcessor"));
    }

    /** The counters, now. */
    public TraceRescueStats stats() {
        return buffer.stats();
    }

    /** Sets up a {@link TraceRescue}. */
    public static final class Builder {
        private Duration keep = Duration.ofSeconds(10);
        private int maxSpansPerTrace = 1_000;
        private int maxSpans = 100_000;
        private int maxTraces = 20_000;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /** How long a trace's spans are kept after its last span started or ended, waiting for an error (default 10 s). */
        public Builder keep(Duration keep) {
            if (keep.isNegative() || keep.isZero()) {
                throw new IllegalArgumentException("keep must be positive, got " + keep);
            }
            this.keep = keep;
            return this;
        }

        /** Spans kept per trace, at most (default 1,000); later ones are lost and counted. */
        public Builder maxSpansPerTrace(int max) {
            this.maxSpansPerTrace = positive("maxSpansPerTrace", max);
            return this;
        }

        /** Spans kept in all, at most (default 100,000): beyond, the least recently active traces are dropped and counted. */
        public Builder maxSpans(int max) {
            this.maxSpans = positive("maxSpans", max);
            return this;
        }

        /** Traces tracked at once, at most (default 20,000): beyond, the least recently active one is dropped. */
        public Builder maxTraces(int max) {
            this.maxTraces = positive("maxTraces", max);
            return this;
        }

        /** The clock that times {@link #keep}, in nanoseconds (tests move it by hand). */
        Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        public TraceRescue build() {
            return new TraceRescue(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
