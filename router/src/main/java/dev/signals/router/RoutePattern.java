package dev.signals.router;

import dev.signals.Signal;

/**
 * Which signals a route takes: an exact name ({@code ORDER_CREATED}), a prefix ending in
 * {@code *} ({@code ORDER_*}) or {@code *} for all. Immutable.
 */
public final class RoutePattern {

    private final String text;
    private final String prefix;
    private final boolean wildcard;

    private RoutePattern(String text, String prefix, boolean wildcard) {
        this.text = text;
        this.prefix = prefix;
        this.wildcard = wildcard;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException saying what a valid pattern looks like
     */
    public static RoutePattern parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("route pattern is null");
        }
        if (text.equals("*")) {
            return new RoutePattern(text, "", true);
        }
        boolean wildcard = text.endsWith("*");
        String name = wildcard ? text.substring(0, text.length() - 1) : text;
        if (!Signal.isValidName(name)) {
            throw new IllegalArgumentException("invalid route pattern '" + text
                    + "': use a signal name (A-Z a-z 0-9 _ . -), a prefix ending in * such as ORDER_*, or *");
        }
        return new RoutePattern(text, name, wildcard);
    }

    public boolean matches(Signal signal) {
        String name = signal.name();
        return wildcard ? name.startsWith(prefix) : name.equals(prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutePattern && ((RoutePattern) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
