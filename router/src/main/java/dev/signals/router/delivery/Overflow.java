package dev.signals.router.delivery;

/** What an asynchronous sink does with a new event when its queue is full. */
public enum Overflow {
    /** Wait for room (up to the block timeout, if one is set); nothing is lost while waiting. */
    BLOCK("block"),
    /** Drop the new event. */
    DROP_NEWEST("drop-newest"),
    /** Drop the oldest queued event to make room for the new one. */
    DROP_OLDEST("drop-oldest");

    private final String configName;

    Overflow(String configName) {
        this.configName = configName;
    }

    /** The name used in config files. */
    public String configName() {
        return configName;
    }

    /** The policy with this config name, or {@code null}. */
    public static Overflow fromConfigName(String name) {
        for (Overflow o : values()) {
            if (o.configName.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
