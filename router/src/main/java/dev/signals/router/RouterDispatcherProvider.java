package dev.signals.router;

import dev.signals.spi.Dispatcher;
import dev.signals.spi.DispatcherProvider;

/** Puts {@link Router#global()} behind {@link dev.signals.Signals}; registered as a service. */
public final class RouterDispatcherProvider implements DispatcherProvider {

    /** The global router, not yet configured: it configures itself on the first event (see {@link GlobalRouter}). */
    @Override
    public Dispatcher dispatcher() {
        return GlobalRouter.INSTANCE;
    }
}
