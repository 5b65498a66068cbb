package dev.signals.router;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/** Sink type {@code test-linkage}: its {@code create()} fails as a missing dependency would. */
public class LinkageFailingSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "test-linkage";
    }

    @Override
    public Sink create(SinkSettings settings) {
        throw new NoClassDefFoundError("com/example/MissingDependency");
    }
}
