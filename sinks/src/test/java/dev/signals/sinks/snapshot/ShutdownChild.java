package dev.signals.sinks.snapshot;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import java.nio.file.Path;

/**
 * A program run in a child JVM by {@link ShutdownSnapshotTest}, to see what lands on disk when a
 * JVM ends: {@code exit DIR} calls {@code System.exit}; {@code crash DIR} lets main die of an
 * uncaught exception; {@code global} emits through {@code Signals} (configured with
 * {@code -Dsignals.config}) and returns from main, so the global router's own shutdown hook
 * closes the snapshot sink while the sink's hook runs too.
 */
public final class ShutdownChild {

    private static final Signal STEP = Signal.of("STEP");

    private ShutdownChild() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        if (mode.equals("global")) {
            for (int i = 0; i < 3; i++) {
                Signals.emit(STEP, "global step", Field.of("i", i));
            }
            Signals.debug("about to return from main");
            return;
        }
        Path dir = Path.of(args[1]);
        Router router = new Router();
        router.configure("{\"sinks\": {\"timeline\": {\"type\": \"time-travel\"},"
                + " \"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"directory\": \""
                + dir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\","
                + " \"onShutdown\": true, \"onUncaughtException\": true}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"timeline\", \"snapshots\"]}]}", "child.json");
        router.dispatch(Event.builder(STEP).message("step before " + mode).build());
        if (mode.equals("exit")) {
            System.exit(0);
        }
        throw new IllegalStateException("crash in main");
    }
}
