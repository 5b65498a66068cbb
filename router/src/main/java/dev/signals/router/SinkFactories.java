package dev.signals.router;

import dev.signals.router.spi.SinkFactory;
import dev.signals.spi.Failures;
import dev.signals.spi.Providers;
import java.io.PrintStream;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The sink types on the class path, by type name, found through {@link ServiceLoader}. A
 * broken factory entry is skipped with a line on stderr: one bad jar costs its own sink types,
 * never the others.
 */
final class SinkFactories {

    private final Map<String, SinkFactory> byType;

    private SinkFactories(Map<String, SinkFactory> byType) {
        this.byType = byType;
    }

    /**
     * Loads every factory visible to {@code loader}. When two factories claim one type, the
     * first found keeps it and stderr names both.
     */
    static SinkFactories load(ClassLoader loader, PrintStream err) {
        Map<String, SinkFactory> byType = new TreeMap<>();
        for (SinkFactory f : Providers.load(SinkFactory.class, loader, err, "sink factory")) {
            String type;
            try {
                type = f.type();
            } catch (Throwable e) {
                err.println("Signals: sink factory " + f.getClass().getName() + " is skipped: its type() failed ("
                        + Failures.describe(e) + ")");
                continue;
            }
            SinkFactory before = type == null ? f : byType.putIfAbsent(type, f);
            if (type == null) {
                err.println("Signals: sink factory " + f.getClass().getName() + " is skipped: it names no type");
            } else if (before != null && before.getClass() != f.getClass()) {
                err.println("Signals: sink type '" + type + "' is provided twice, by " + before.getClass().getName()
                        + " and " + f.getClass().getName() + "; using the first");
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
