package dev.signals.spi;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.ToIntFunction;

/**
 * Lists the providers of a service the way SLF4J does: one {@code META-INF/services} entry
 * that names a missing class, or whose class fails to initialise or to construct, is skipped
 * with a line on stderr, and the others still load. A broken jar on the class path must never
 * turn logging off.
 */
public final class Providers {

    /** Past this many broken entries the list is taken as unreadable, so a loader that keeps failing cannot loop. */
    private static final int MAX_BROKEN = 100;

    private Providers() {
    }

    /**
     * Every provider of {@code type} visible to {@code loader} that could be loaded.
     *
     * @param what how the stderr line names the service, e.g. "sink factory"
     */
    public static <T> List<T> load(Class<T> type, ClassLoader loader, PrintStream err, String what) {
        List<T> found = new ArrayList<>();
        Iterator<T> it;
        try {
            it = ServiceLoader.load(type, loader).iterator();
        } catch (Throwable e) {
            err.println("Signals: the " + what + " providers could not be listed (" + Failures.describe(e) + ")");
            return found;
        }
        int broken = 0;
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                // The iterator has moved past the broken entry: the next call looks at the next one.
                err.println("Signals: a " + what + " provider failed to load and is skipped (" + Failures.describe(e) + ")");
                if (++broken >= MAX_BROKEN) {
                    return found;
                }
            }
        }
    }

    /**
     * The provider of {@code type} named by {@code forced} (a class name, from a system property
     * such as {@code signals.dispatcher}), else the one with the highest priority, or {@code null}
     * when none could be loaded. When several are found, stderr says which one is used; a forced
     * name that matches none is said too, and ignored. A provider whose priority cannot be read
     * ranks last.
     *
     * @param forced the class name of the provider to use, or {@code null} (or blank) to rank them
     */
    public static <T> T highest(Class<T> type, ClassLoader loader, PrintStream err, String what,
                                ToIntFunction<T> priority, String forced) {
        List<T> found = load(type, loader, err, what);
        if (found.isEmpty()) {
            return null;
        }
        if (forced != null && !forced.isBlank()) {
            for (T provider : found) {
                if (provider.getClass().getName().equals(forced.trim())) {
                    return provider;
                }
            }
            err.println("Signals: the " + what + " provider " + forced.trim() + " asked for is not on the class path;"
                    + " choosing among the others");
        }
        List<Ranked<T>> ranked = new ArrayList<>();
        for (T provider : found) {
            ranked.add(new Ranked<>(provider, priorityOf(provider, priority)));
        }
        ranked.sort(Comparator.comparingInt((Ranked<T> r) -> r.priority).reversed());
        T chosen = ranked.get(0).provider;
        if (ranked.size() > 1) {
            StringBuilder names = new StringBuilder();
            for (Ranked<T> r : ranked) {
                names.append(' ').append(r.provider.getClass().getName());
            }
            err.println("Signals: several " + what + " providers found:" + names + "; using " + chosen.getClass().getName());
        }
        return chosen;
    }

    private static <T> int priorityOf(T provider, ToIntFunction<T> priority) {
        try {
            return priority.applyAsInt(provider);
        } catch (RuntimeException | LinkageError e) {
            return Integer.MIN_VALUE;
        }
    }

    private record Ranked<T>(T provider, int priority) {
    }
}
