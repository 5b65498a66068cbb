package dev.signals;

import dev.signals.spi.Dispatcher;
import dev.signals.spi.DispatcherProvider;
import dev.signals.spi.Failures;
import dev.signals.spi.Providers;
import java.io.PrintStream;

/** Finds the one dispatcher behind {@link Signals}, once, the way SLF4J finds its provider. */
final class DispatcherLoader {

    /** Names the {@link DispatcherProvider} class to use when several are on the class path. */
    static final String PROPERTY = "signals.dispatcher";

    private DispatcherLoader() {
    }

    /** Holder idiom: loaded on first use, then a constant the JIT can fold. */
    static final class Holder {
        static final Dispatcher DISPATCHER = load(System.err);
    }

    static Dispatcher load(PrintStream err) {
        DispatcherProvider provider = Providers.highest(DispatcherProvider.class, DispatcherLoader.class.getClassLoader(),
                err, "dispatcher", DispatcherProvider::priority, System.getProperty(PROPERTY));
        if (provider == null) {
            err.println("Signals: no dispatcher on the class path; events are discarded. "
                    + "Add the dev.signals:router dependency to route them.");
            return NoDispatcher.INSTANCE;
        }
        try {
            return provider.dispatcher();
        } catch (RuntimeException | LinkageError e) {
            err.println("Signals: dispatcher provider " + provider.getClass().getName()
                    + " failed (" + Failures.describe(e) + "); events are discarded");
            return NoDispatcher.INSTANCE;
        }
    }

    /** Routes nothing: every signal answers "not routed", so emitting costs one call. */
    enum NoDispatcher implements Dispatcher {
        INSTANCE;

        @Override
        public boolean isRouted(Signal signal) {
            return false;
        }

        @Override
        public void dispatch(Event event) {
        }
    }
}
