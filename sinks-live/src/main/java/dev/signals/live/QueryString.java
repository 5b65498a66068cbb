package dev.signals.live;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a request's query, decoded; a name may repeat. */
final class QueryString {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private QueryString() {
    }

    static QueryString of(URI uri) {
        QueryString q = new QueryString();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return q;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new BadRequest("malformed query: " + malformed.getMessage());
        }
    }

    /** The last value of {@code name}, or {@code null}. */
    String get(String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.get(all.size() - 1);
    }

    /** Every value of {@code name}, in order; empty when absent. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A whole number in {@code [min, max]}, or {@code defaultValue} when absent. */
    int intValue(String name, int defaultValue, int min, int max) {
        String v = get(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new BadRequest(name + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, was '" + v + "'");
        }
    }
}
