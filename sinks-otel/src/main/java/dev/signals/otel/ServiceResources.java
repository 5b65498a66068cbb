package dev.signals.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A span exporter that exports each span as a span of the service one of its attributes names,
 * for a process that hosts several services: a span opened with
 * {@code Signals.span(SpanKind.SERVER, "…", Field.of("service", "payment"))} leaves with the
 * {@code service.name} that {@code naming} gives {@code "payment"}, the rest of the process's
 * resource kept. Backends then draw one service per name (OTLP sends one {@code ResourceSpans}
 * per resource; Zipkin takes the local endpoint's service name from it).
 *
 * <p>Why at export: one SDK (one sampler, one batch queue, one exporter, what autoconfigure
 * builds) serves every service, and Signals' bridge and sinks need no notion of services. A
 * span's resource is read by nothing but exporters. A span without the attribute, or whose
 * name comes out {@code null} or unchanged (or whose naming throws), is exported as it is.
 *
 * <pre>{@code
 * SpanExporter exporter = ServiceResources.wrap(otlp, "service", service -> "shop-" + service);
 * }</pre>
 *
 * Needs {@code io.opentelemetry:opentelemetry-sdk-trace}, as the SDK that uses it has.
 */
public final class ServiceResources implements SpanExporter {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    /** Resources made once per (process resource, name); beyond this many, made per span and not kept. */
    private static final int MAX_KEPT = 1024;

    private final SpanExporter delegate;
    private final AttributeKey<String> attribute;
    private final UnaryOperator<String> naming;
    private final ConcurrentHashMap<Key, Resource> resources = new ConcurrentHashMap<>();

    private ServiceResources(SpanExporter delegate, AttributeKey<String> attribute, UnaryOperator<String> naming) {
        this.delegate = delegate;
        this.attribute = attribute;
        this.naming = naming;
    }

    /**
     * {@code delegate}, exporting each span with the {@code service.name} that {@code naming}
     * gives the value of its string attribute {@code attribute}.
     *
     * @param naming from the attribute's value to the service name; {@code null} keeps the span's own
     */
    public static SpanExporter wrap(SpanExporter delegate, String attribute, UnaryOperator<String> naming) {
        return new ServiceResources(Objects.requireNonNull(delegate, "delegate"),
                AttributeKey.stringKey(Objects.requireNonNull(attribute, "attribute")), Objects.requireNonNull(naming, "naming"));
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        List<SpanData> renamed = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            renamed.add(asItsService(span));
        }
        return delegate.export(renamed);
    }

    private SpanData asItsService(SpanData span) {
        String value = span.getAttributes().get(attribute);
        String name;
        try {
            name = value == null ? null : naming.apply(value);
        } catch (RuntimeException | LinkageError e) {
            // The application's naming failed: the span still leaves, as the process's own.
            name = null;
        }
        Resource own = span.getResource();
        if (name == null || name.equals(own.getAttribute(SERVICE_NAME))) {
            return span;
        }
        Resource resource = resourceOf(own, name);
        return new DelegatingSpanData(span) {
            @Override
            public Resource getResource() {
                return resource;
            }
        };
    }

    private Resource resourceOf(Resource own, String name) {
        Key key = new Key(own, name);
        Resource kept = resources.get(key);
        if (kept != null) {
            return kept;
        }
        Resource made = own.merge(Resource.create(Attributes.of(SERVICE_NAME, name)));
        if (resources.size() < MAX_KEPT) {
            // One instance per name, so exporters that group spans by resource group them by service.
            kept = resources.putIfAbsent(key, made);
        }
        return kept != null ? kept : made;
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "ServiceResources{" + attribute.getKey() + ", " + delegate + "}";
    }

    private record Key(Resource resource, String name) {
    }
}
