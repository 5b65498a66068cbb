package dev.signals.live;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.router.RoutePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which events a client asked for, tested on the emitting thread before anything is queued or
 * encoded. Every condition given must hold; several {@code signal} values mean any of them
 * (names or the router's patterns), several {@code field} values mean all of them.
 *
 * <p>{@code field=key=value} compares with string, whole-number, decimal and boolean fields as
 * written; any other field, and a secret above all, never matches, so a filter can never be
 * used to guess a secret's value.
 */
final class LiveFilter {

    private final List<RoutePattern> signals;
    private final Severity minSeverity;
    private final String trace;
    private final String thread;
    private final String[] fieldKeys;
    private final String[] fieldValues;

    private LiveFilter(List<RoutePattern> signals, Severity minSeverity, String trace, String thread,
                       String[] fieldKeys, String[] fieldValues) {
        this.signals = signals;
        this.minSeverity = minSeverity;
        this.trace = trace;
        this.thread = thread;
        this.fieldKeys = fieldKeys;
        this.fieldValues = fieldValues;
    }

    /**
     * The filter of a request's parameters {@code signal}, {@code minSeverity}, {@code trace},
     * {@code field} and {@code thread}.
     *
     * @throws BadRequest for a malformed pattern, severity or field condition
     */
    static LiveFilter of(QueryString query) {
        List<RoutePattern> signals = new ArrayList<>();
        for (String s : query.all("signal")) {
            for (String one : s.split(",")) {
                if (!one.isBlank()) {
                    try {
                        signals.add(RoutePattern.parse(one.trim()));
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest(e.getMessage());
                    }
                }
            }
        }
        List<String> fields = query.all("field");
        String[] keys = new String[fields.size()];
        String[] values = new String[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            String kv = fields.get(i);
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadRequest("field must be key=value, was '" + kv + "'");
            }
            keys[i] = kv.substring(0, eq);
            values[i] = kv.substring(eq + 1);
        }
        return new LiveFilter(List.copyOf(signals), severity(query.get("minSeverity")), blankToNull(query.get("trace")),
                blankToNull(query.get("thread")), keys, values);
    }

    private static Severity severity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("minSeverity must be one of TRACE DEBUG INFO WARN ERROR FATAL, was '" + text + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Whether {@code event} passes; never throws. */
    boolean test(Event event) {
        if (minSeverity != null && !event.severity().isAtLeast(minSeverity)) {
            return false;
        }
        if (trace != null && !trace.equalsIgnoreCase(event.traceId() == null ? "" : event.traceId())) {
            return false;
        }
        if (thread != null && !thread.equals(event.thread())) {
            return false;
        }
        if (!signals.isEmpty() && !anySignal(event)) {
            return false;
        }
        for (int i = 0; i < fieldKeys.length; i++) {
            Field f = event.field(fieldKeys[i]);
            if (f == null || !matches(f, fieldValues[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean anySignal(Event event) {
        for (RoutePattern p : signals) {
            if (p.matches(event.signal())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Field f, String wanted) {
        switch (f.type()) {
            case STRING:
                return wanted.equals(f.stringValue());
            case LONG:
                return wanted.equals(Long.toString(f.longValue()));
            case DOUBLE:
                try {
                    return Double.parseDouble(wanted) == f.doubleValue();
                } catch (NumberFormatException notANumber) {
                    return false;
                }
            case BOOLEAN:
                return wanted.equals(Boolean.toString(f.booleanValue()));
            default:
                return false; // secrets, errors, durations, instants, objects: not compared
        }
    }
}
