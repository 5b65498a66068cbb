package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.router.Route;
import dev.signals.router.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Every event of the JVM while a test on a real library runs, from whichever thread: a pool's
 * housekeeper or a server's request threads log outside the test's own scope, where
 * {@code @CaptureSignals} does not follow them. Routing {@code *} to it also makes every
 * level routed, so what a library does not log is left out by the {@code "loggers"} levels
 * alone. Also a config file that the global router watches, so an edit is applied the way an
 * operator's edit is.
 */
final class LibraryLogs implements Sink, AutoCloseable {

    /** How often the watched config file is checked in these tests. */
    private static final int RELOAD_MS = 20;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private final Route route = Router.global().route("*", this);

    @Override
    public void accept(Event event) {
        events.add(event);
    }

    /** The events whose {@code logger} field starts with {@code loggerPrefix}, in order. */
    List<Event> from(String loggerPrefix) {
        return events.stream().filter(e -> loggerOf(e).startsWith(loggerPrefix)).toList();
    }

    /** Those of {@link #from(String)} at {@code severity}. */
    List<Event> from(String loggerPrefix, Severity severity) {
        return from(loggerPrefix).stream().filter(e -> e.signal().severity() == severity).toList();
    }

    /** Waits until an event of a logger under {@code loggerPrefix} matches {@code test} (a server thread may log it late). */
    void await(String loggerPrefix, String what, Predicate<Event> test) {
        waitFor(() -> from(loggerPrefix).stream().anyMatch(test),
                () -> what + "; from " + loggerPrefix + ": " + from(loggerPrefix));
    }

    void clear() {
        events.clear();
    }

    @Override
    public void close() {
        route.remove();
    }

    static String loggerOf(Event e) {
        Field f = e.field(BridgeEvents.LOGGER);
        return f == null ? "" : f.stringValue();
    }

    /** Writes a config of {@code loggers} alone (a JSON object's body) to {@code file}, and has the global router follow it. */
    static void watch(Path file, String loggers) throws IOException {
        Files.writeString(file, config(loggers), StandardCharsets.UTF_8);
        Router.global().configure(file);
    }

    /** Rewrites the watched {@code file}, then waits until {@code applied} says the router took the edit. */
    static void edit(Path file, String loggers, BooleanSupplier applied) throws IOException {
        Files.writeString(file, config(loggers), StandardCharsets.UTF_8);
        waitFor(applied, () -> "the edited " + file + " was not applied");
    }

    private static String config(String loggers) {
        return "{\"reloadIntervalMs\": " + RELOAD_MS + ", \"loggers\": {" + loggers + "}}";
    }

    private static void waitFor(BooleanSupplier done, java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!done.getAsBoolean() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertTrue(done.getAsBoolean(), () -> failure.get() + " (waited 10 s)");
    }
}
