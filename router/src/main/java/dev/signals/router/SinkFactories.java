package dev.signals.router;

import dev.signals.router.spi.SinkFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The sink types on the class path, by type name, found through {@link ServiceLoader}. */
final class SinkFactories {

    private final Map<String, SinkFactory> byType;

    private SinkFactories(Map<String, SinkFactory> byType) {
        this.byType = byType;
    }

    /**
     * Loads every factory visible to {@code loader}.
     *
     * @throws IllegalStateException when two factories claim one type: a set-up error to fix, not to guess at
     */
    static SinkFactories load(ClassLoader loader) {
        Map<String, SinkFactory> byType = new TreeMap<>();
        for (SinkFactory f : ServiceLoader.load(SinkFactory.class, loader)) {
            SinkFactory before = byType.putIfAbsent(f.type(), f);
            if (before != null && before.getClass() != f.getClass()) {
                throw new IllegalStateException("sink type '" + f.type() + "' is provided twice: by "
                        + before.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return new SinkFactories(byType);
    }

    SinkFactory get(String type) {
        return byType.get(type);
    }

    String known() {
        return String.join(", ", byType.keySet());
    }
}
