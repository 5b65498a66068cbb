package dev.signals;

import dev.signals.spi.Dispatcher;
import dev.signals.spi.DispatcherProvider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the one dispatcher behind {@link Signals}, once, the way SLF4J finds its provider. */
final class DispatcherLoader {

    private DispatcherLoader() {
    }

    /** Holder idiom: loaded on first use, then a constant the JIT can fold. */
    static final class Holder {
        static final Dispatcher DISPATCHER = load(System.err);
    }

    static Dispatcher load(PrintStream err) {
        List<DispatcherProvider> providers = new ArrayList<>();
        try {
            for (DispatcherProvider p : ServiceLoader.load(DispatcherProvider.class, DispatcherLoader.class.getClassLoader())) {
                providers.add(p);
            }
        } catch (ServiceConfigurationError e) {
            err.println("Signals: a dispatcher provider failed to load (" + e.getMessage() + ")");
        }
        if (providers.isEmpty()) {
            err.println("Signals: no dispatcher on the class path; events are discarded. "
                    + "Add the dev.signals:router dependency to route them.");
            return NoDispatcher.INSTANCE;
        }
        providers.sort(Comparator.comparingInt(DispatcherProvider::priority).reversed());
        if (providers.size() > 1) {
            StringBuilder names = new StringBuilder();
            for (DispatcherProvider p : providers) {
                names.append(' ').append(p.getClass().getName());
            }
            err.println("Signals: several dispatcher providers found:" + names + "; using "
                    + providers.get(0).getClass().getName());
        }
        try {
            return providers.get(0).dispatcher();
        } catch (RuntimeException | LinkageError e) {
            err.println("Signals: dispatcher provider " + providers.get(0).getClass().getName()
                    + " failed (" + e + "); events are discarded");
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
