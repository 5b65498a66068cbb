package dev.signals.kafka;

/** What the spool does with an event when it holds {@code maxBytes} already. */
public enum SpoolFull {
    /**
     * Deletes the oldest spool file (the events longest waiting for Kafka) to make room; the
     * events in it not yet sent are counted dropped.
     */
    DROP_OLDEST("dropOldest"),
    /** Turns the new event away, counted dropped: what waits in the spool is kept. */
    DROP_NEWEST("dropNewest");

    private final String configName;

    SpoolFull(String configName) {
        this.configName = configName;
    }

    /** The name in config files: {@code dropOldest}, {@code dropNewest}. */
    public String configName() {
        return configName;
    }

    static SpoolFull fromConfigName(String name) {
        for (SpoolFull p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not dropOldest or dropNewest");
    }
}
