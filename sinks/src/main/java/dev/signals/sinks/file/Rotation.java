package dev.signals.sinks.file;

/** Time-based rotation of the file sink: periods start on UTC hour or day boundaries. */
public enum Rotation {
    /** No time-based rotation (size-based rotation may still apply). */
    NONE("none", 0),
    /** A new file at the start of every UTC hour. */
    HOURLY("hourly", 3_600_000L),
    /** A new file at every UTC midnight. */
    DAILY("daily", 86_400_000L);

    private final String configName;
    private final long periodMillis;

    Rotation(String configName, long periodMillis) {
        this.configName = configName;
        this.periodMillis = periodMillis;
    }

    /** The name used in config files. */
    public String configName() {
        return configName;
    }

    /** The mode with this config name, or {@code null}. */
    public static Rotation fromConfigName(String name) {
        for (Rotation r : values()) {
            if (r.configName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The start of the period holding {@code epochMillis}; {@link Long#MIN_VALUE} for {@link #NONE}. */
    long periodStart(long epochMillis) {
        return this == NONE ? Long.MIN_VALUE : Math.floorDiv(epochMillis, periodMillis) * periodMillis;
    }

    /** The first period boundary after {@code epochMillis}; {@link Long#MAX_VALUE} for {@link #NONE}. */
    long nextBoundary(long epochMillis) {
        return this == NONE ? Long.MAX_VALUE : periodStart(epochMillis) + periodMillis;
    }
}
