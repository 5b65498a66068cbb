package dev.signals.otel;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.stream.Collectors;

/** A real OpenTelemetry SDK exporting to memory, installed for Signals while open. */
final class TestOtel implements AutoCloseable {

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setLoggerProvider(SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    /** Makes this SDK the one behind Signals spans. */
    TestOtel install() {
        OtelTracing.install(sdk);
        return this;
    }

    /** A tracer for code that uses the OpenTelemetry API directly. */
    Tracer tracer() {
        return sdk.getTracer("app");
    }

    /** The finished span with this name; fails unless there is exactly one. */
    SpanData span(String name) {
        List<SpanData> named = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name)).collect(Collectors.toList());
        if (named.size() != 1) {
            throw new AssertionError("expected one span '" + name + "', found " + spans.getFinishedSpanItems());
        }
        return named.get(0);
    }

    @Override
    public void close() {
        OtelTracing.uninstall();
        sdk.close();
    }
}
