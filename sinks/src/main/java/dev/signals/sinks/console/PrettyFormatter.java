package dev.signals.sinks.console;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.sinks.json.JsonText;
import dev.signals.sinks.json.Rfc3339;
import dev.signals.sinks.json.Unwritable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats an event as one human line, {@code 12:00:01.123 INFO  ORDER_CREATED Order created
 * order_id=o-1 items=2}, followed by the indented stack trace of each error field. Stateless
 * apart from its settings, so one instance serves every thread, and an event whose formatting
 * fails (out of memory) leaves nothing behind for the next. Values keep the {@link
 * dev.signals.sinks.json.Limits limits} of Event JSON.
 */
final class PrettyFormatter {

    private static final int SEVERITY_WIDTH = 5;
    private static final int SHORT_TRACE_ID = 8;

    private final ZoneRules zone;
    private final boolean color;

    PrettyFormatter(ZoneId zone, boolean color) {
        this.zone = zone.getRules();
        this.color = color;
    }

    /** The event's text: its line and, after it, the stack traces of its errors. */
    String format(Event e) {
        StringBuilder sb = new StringBuilder(128);
        List<Throwable> errors = appendLine(sb, e);
        sb.append('\n');
        if (errors != null) {
            for (Throwable t : errors) {
                int mark = sb.length();
                try {
                    StackText.append(sb, t);
                } catch (Throwable failure) {
                    if (Unwritable.isFatal(failure)) {
                        throw failure;
                    }
                    sb.setLength(mark);
                    sb.append("    ").append(Unwritable.text(failure)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private List<Throwable> appendLine(StringBuilder sb, Event e) {
        appendTime(sb, e.epochMicros());
        sb.append(' ');
        String severity = e.severity().name();
        open(sb, Ansi.severity(e.severity()));
        sb.append(severity);
        close(sb);
        for (int i = severity.length(); i < SEVERITY_WIDTH; i++) {
            sb.append(' ');
        }
        // A level shortcut (Signals.info) is the signal INFO: the severity already says it.
        if (e.signal() != Signal.forSeverity(e.severity())) {
            sb.append(' ');
            open(sb, Ansi.BOLD);
            sb.append(e.signal().name());
            close(sb);
        }
        if (!e.message().isEmpty()) {
            sb.append(' ');
            PrettyText.appendMessage(sb, e.message());
        }
        List<Throwable> errors = null;
        boolean repeats = e.hasRepeatedKeys();
        for (int i = 0, n = e.fieldCount(); i < n; i++) {
            if (repeats && e.isShadowed(i)) {
                continue;
            }
            Field f = e.field(i);
            int mark = sb.length();
            try {
                appendKey(sb, f.key());
                Throwable error = appendValue(sb, f);
                if (error != null) {
                    if (errors == null) {
                        errors = new ArrayList<>(2);
                    }
                    errors.add(error);
                }
            } catch (Throwable failure) {
                // A value's toString (or accessor, iterator) threw: say so and keep the event.
                if (Unwritable.isFatal(failure)) {
                    throw failure;
                }
                sb.setLength(mark);
                appendKey(sb, f.key());
                sb.append(Unwritable.text(failure));
            }
        }
        if (e.traceId() != null) {
            appendKey(sb, "trace_id");
            String id = e.traceId();
            PrettyText.appendToken(sb, id.length() > SHORT_TRACE_ID ? id.substring(0, SHORT_TRACE_ID) : id);
        }
        return errors;
    }

    private void appendTime(StringBuilder sb, long epochMicros) {
        long second = Math.floorDiv(epochMicros, 1_000_000L);
        int millis = (int) (Math.floorMod(epochMicros, 1_000_000L) / 1_000);
        int offset = zone.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
        int secondOfDay = (int) Math.floorMod(second + offset, 86_400L);
        open(sb, Ansi.DIM);
        two(sb, secondOfDay / 3_600).append(':');
        two(sb, secondOfDay / 60 % 60).append(':');
        two(sb, secondOfDay % 60).append('.');
        if (millis < 100) {
            sb.append('0');
        }
        two(sb, millis);
        close(sb);
    }

    private static StringBuilder two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }

    private void appendKey(StringBuilder sb, String key) {
        sb.append(' ');
        open(sb, Ansi.CYAN);
        PrettyText.appendToken(sb, key);
        close(sb);
        sb.append('=');
    }

    /** Appends the value; returns the throwable whose stack goes under the line, if any. */
    private static Throwable appendValue(StringBuilder sb, Field f) {
        switch (f.type()) {
            case STRING:
                PrettyText.appendToken(sb, f.stringValue());
                return null;
            case LONG:
                sb.append(f.longValue());
                return null;
            case DOUBLE:
                sb.append(f.doubleValue());
                return null;
            case BOOLEAN:
                sb.append(f.booleanValue());
                return null;
            case SECRET:
                sb.append("***"); // the clear value is never read here
                return null;
            default:
                return appendObject(sb, f.value());
        }
    }

    private static Throwable appendObject(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Throwable) {
            Throwable t = (Throwable) v;
            StackText.appendSummary(sb, t);
            return t;
        } else if (v instanceof Duration) {
            HumanDuration.append(sb, (Duration) v);
        } else if (v instanceof Instant) {
            sb.append(Rfc3339.format((Instant) v));
        } else if (v instanceof Number || v instanceof Boolean) {
            PrettyText.appendToken(sb, v.toString());
        } else if (v instanceof Enum) {
            PrettyText.appendToken(sb, ((Enum<?>) v).name());
        } else if (JsonText.isStructured(v)) {
            // Lists, maps, records: compact JSON, which is self-delimiting and already escaped.
            PrettyText.appendMessage(sb, JsonText.of(v));
        } else {
            PrettyText.appendToken(sb, String.valueOf(v));
        }
        return null;
    }

    private void open(StringBuilder sb, String sequence) {
        if (color) {
            sb.append(sequence);
        }
    }

    private void close(StringBuilder sb) {
        if (color) {
            sb.append(Ansi.RESET);
        }
    }
}
