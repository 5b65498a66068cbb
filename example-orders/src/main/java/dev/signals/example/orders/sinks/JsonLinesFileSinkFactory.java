package dev.signals.example.orders.sinks;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/**
 * Type {@code example-jsonl}: a {@link JsonLinesFileSink}. Option {@code "path"} (required).
 * Registered in {@code META-INF/services/dev.signals.router.spi.SinkFactory}.
 */
public final class JsonLinesFileSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "example-jsonl";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) throws Exception {
        settings.requiredString("path");
        return new JsonLinesFileSink(settings.path("path", null));
    }
}
