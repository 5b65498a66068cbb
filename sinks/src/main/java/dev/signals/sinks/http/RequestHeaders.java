package dev.signals.sinks.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headers added to every request. Values are often credentials, so they are checked here,
 * by code whose messages never quote a value (the JDK's own check quotes it), and they appear
 * in no {@code toString}, message or log.
 */
final class RequestHeaders {

    private static final URI PROBE = URI.create("http://localhost/");

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /**
     * Adds a header.
     *
     * @param origin how messages name where the value came from ("the value",
     *     "environment variable LOG_TOKEN"), never the value itself
     * @throws IllegalArgumentException for a name HTTP or the JDK client does not allow, or a
     *     value with a character a header cannot carry
     */
    void add(String name, String value, String origin) {
        check(name, value, origin);
        names.add(name);
        values.add(value);
    }

    /**
     * Checks a header without keeping it.
     *
     * @throws IllegalArgumentException as {@link #add} does
     */
    static void check(String name, String value, String origin) {
        checkName(name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f || c > 0xff)) {
                throw new IllegalArgumentException("header '" + name + "': " + origin
                        + " holds a character that an HTTP header cannot carry (a line break or another control character)");
            }
        }
    }

    private static void checkName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-encoding") || lower.equals("content-length")) {
            throw new IllegalArgumentException("header '" + name + "' is set by the sink itself (see \"gzip\")");
        }
        try {
            // The JDK knows which names it refuses (restricted ones such as Host); a dummy value keeps secrets out.
            HttpRequest.newBuilder(PROBE).header(name, "x");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header '" + name + "' cannot be set: " + e.getMessage());
        }
    }

    /** True when a header of this name (in any case) is set. */
    boolean has(String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    void addTo(HttpRequest.Builder request) {
        for (int i = 0; i < names.size(); i++) {
            request.header(names.get(i), values.get(i));
        }
    }

    /** The names only. */
    @Override
    public String toString() {
        return "headers" + names;
    }
}
