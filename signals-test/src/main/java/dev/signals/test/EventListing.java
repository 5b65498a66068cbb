package dev.signals.test;

import dev.signals.Event;
import dev.signals.Field;
import java.util.List;

/** How failure messages show events: one line each, numbered by emission order. */
final class EventListing {

    /** Beyond this many, a listing says how many more there are instead. */
    static final int MAX_LINES = 100;

    private EventListing() {
    }

    /** The closing part of a failure message: everything the test captured. */
    static String capturedSection(List<Event> all) {
        if (all.isEmpty()) {
            return "Nothing was captured in this test. Events are captured from the test's thread and from"
                    + " tasks wrapped with Signals.wrap, for the signals its @CaptureSignals patterns match.";
        }
        return "Captured in this test (" + all.size() + (all.size() == 1 ? " event" : " events") + "):\n"
                + list(all).stripTrailing();
    }

    static String list(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Event e : events) {
            if (n++ == MAX_LINES) {
                sb.append("  … and ").append(events.size() - MAX_LINES).append(" more\n");
                break;
            }
            sb.append("  ").append(line(e)).append('\n');
        }
        return sb.toString();
    }

    /** {@code #12 ORDER_CREATED "Order created" order_id="o-1" items=2 [span 1f2e…]}. */
    static String line(Event e) {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(e.sequence()).append(' ').append(e.signal().name());
        if (!e.message().isEmpty()) {
            sb.append(' ').append(quote(e.message()));
        }
        for (int i = 0; i < e.fieldCount(); i++) {
            Field f = e.field(i);
            sb.append(' ').append(f.key()).append('=').append(value(f));
        }
        if (e.spanId() != null) {
            sb.append(" [span ").append(e.spanId()).append(']');
        }
        return sb.toString();
    }

    static String value(Field f) {
        Object v = f.value();
        return v instanceof String ? quote((String) v) : v instanceof Throwable ? String.valueOf(v) : describe(v);
    }

    static String describe(Object expected) {
        return expected instanceof String ? quote((String) expected) : String.valueOf(expected);
    }

    static String times(int n) {
        return n == 1 ? "1 time" : n + " times";
    }

    private static String quote(String s) {
        String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
