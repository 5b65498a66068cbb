package dev.signals.router;

import dev.signals.spi.Dispatcher;
import dev.signals.spi.DispatcherProvider;

/** Puts {@link Router#global()} behind {@link dev.signals.Signals}; registered as a service. */
public final class RouterDispatcherProvider implements DispatcherProvider {

    @Override
    public Dispatcher dispatcher() {
        return Router.global();
    }
}
