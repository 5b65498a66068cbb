package dev.signals.router;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Signals;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link StartupLoggingTest}, with {@code -Dsignals.config} naming a
 * config of one {@code test-recording} sink: the sink's factory logs while it creates the
 * sink, on its own thread and on another thread it waits for, as libraries do.
 */
public final class StartupLoggingMain {

    public static void main(String[] args) throws Exception {
        RecordingSinkFactory.onCreate = sink -> {
            Signals.emit(Signal.of("STARTUP_FROM_FACTORY"), "logged while the sink is created");
            Thread other = new Thread(() -> Signals.emit(Signal.of("STARTUP_FROM_OTHER_THREAD"), "logged meanwhile"));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Signals.emit(Signal.of("STARTUP_FIRST"), "the first event");
        List<String> got = RecordingSinkFactory.MADE.get("rec").events().stream()
                .map(Event::signal).map(Signal::name).filter(n -> n.startsWith("STARTUP_"))
                .collect(Collectors.toList());
        System.out.println("GOT " + got);
    }

    private StartupLoggingMain() {
    }
}
