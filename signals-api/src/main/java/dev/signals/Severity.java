package dev.signals;

/**
 * How serious a signal is. Every signal has exactly one severity, fixed when it is declared,
 * so routes can filter by severity without looking at the event.
 */
public enum Severity {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    private static final Severity[] VALUES = values();

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() >= threshold.ordinal();
    }

    /**
     * Parses a severity name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one
     */
    public static Severity parse(String name) {
        if (name != null) {
            for (Severity s : VALUES) {
                if (s.name().equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + name + "'; expected one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
    }
}
