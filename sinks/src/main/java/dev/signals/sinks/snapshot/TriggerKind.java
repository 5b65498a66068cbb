package dev.signals.sinks.snapshot;

/** What started a snapshot; written as {@code trigger.kind} in the file's header. */
public enum TriggerKind {
    /** An event whose signal is a trigger (by name, pattern or severity). */
    SIGNAL("signal"),
    /** {@code Signals.snapshot(reason)} or {@link SnapshotSink#snapshot(String)}. */
    REQUEST("request"),
    /** An exception no code caught, with {@code "onUncaughtException": true}. */
    UNCAUGHT_EXCEPTION("uncaught_exception"),
    /** The JVM shutting down, with {@code "onShutdown": true}. */
    SHUTDOWN("shutdown"),
    /** The periodic snapshot of {@code "intervalMs"}. */
    INTERVAL("interval");

    private final String text;

    TriggerKind(String text) {
        this.text = text;
    }

    /** The name in the header. */
    public String text() {
        return text;
    }
}
