package dev.signals.otel;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link TraceRescue}s whose span processor is running, as plain callbacks taking a trace
 * id, so that the {@code otel-spans} sink can report an error in a trace without loading any
 * OpenTelemetry SDK class (the SDK is an optional dependency of this module).
 */
final class RescueTriggers {

    private static final CopyOnWriteArrayList<Consumer<String>> ACTIVE = new CopyOnWriteArrayList<>();

    private RescueTriggers() {
    }

    static void add(Consumer<String> trigger) {
        ACTIVE.addIfAbsent(trigger);
    }

    static void remove(Consumer<String> trigger) {
        ACTIVE.remove(trigger);
    }

    /** Tells every running rescue that an error occurred in this trace. */
    static void errorIn(String traceId) {
        for (Consumer<String> trigger : ACTIVE) {
            trigger.accept(traceId);
        }
    }
}
