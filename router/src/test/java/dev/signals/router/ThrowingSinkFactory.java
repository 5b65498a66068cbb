package dev.signals.router;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;

/** A factory whose construction fails, as one from a broken jar would; listed only by {@link ProviderLoadingTest}. */
public class ThrowingSinkFactory implements SinkFactory {

    public ThrowingSinkFactory() {
        throw new ExceptionInInitializerError("this factory cannot be made");
    }

    @Override
    public String type() {
        return "never";
    }

    @Override
    public Sink create(SinkSettings settings) {
        throw new AssertionError("never made");
    }
}
