package dev.signals;

import java.util.ArrayList;
import java.util.List;

/** A request's header lines as an HTTP server hands them over: in order, names case-insensitive. */
final class HeaderLines implements TraceHeaders.Getter {

    private final String[] namesAndValues;

    private HeaderLines(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** Lines given as name, value, name, value… */
    static HeaderLines of(String... namesAndValues) {
        return new HeaderLines(namesAndValues);
    }

    @Override
    public List<String> values(String name) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                found.add(namesAndValues[i + 1]);
            }
        }
        return found.isEmpty() ? null : found;
    }
}
