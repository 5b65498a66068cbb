package dev.signals.sinks.file;

/** When the file sink asks the operating system to put written lines on the disk. */
public enum Fsync {
    /** Never: the operating system writes its cache back when it sees fit (the usual choice for logs). */
    NEVER("never"),
    /** On every {@code flush()}: the router's async worker flushes at the end of each batch. */
    BATCH("batch"),
    /** After every event: each line is written and synced before {@code accept} returns. */
    ALWAYS("always");

    private final String configName;

    Fsync(String configName) {
        this.configName = configName;
    }

    /** The name used in config files. */
    public String configName() {
        return configName;
    }

    /** The mode with this config name, or {@code null}. */
    public static Fsync fromConfigName(String name) {
        for (Fsync f : values()) {
            if (f.configName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
