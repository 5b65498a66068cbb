package dev.signals.slf4j;

import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Turns one bridged log call into one event, for every bridge alike. Fields, in this order:
 * {@code logger}; the MDC entries; {@code marker} (the marker's name, or a list of names when
 * a call has several); the call's key-value pairs, typed by their values; the throwable as
 * {@link Field#error}. A later field wins over an earlier one of the same key, so a key-value
 * pair overrides an MDC entry.
 *
 * <p>Never throws: a log call must not break the code that makes it. Public for Signals' other
 * bridges ({@code signals-log4j}); application code has no use for it.
 */
public final class BridgeEvents {

    /** The field holding the logger name. */
    public static final String LOGGER = "logger";
    /** The field holding the marker name(s). */
    public static final String MARKER = "marker";

    private static volatile boolean failureReported;

    private BridgeEvents() {
    }

    static void emit(Signal signal, String logger, String message, Throwable error, List<Marker> markers,
                     List<KeyValuePair> pairs) {
        try {
            emitFields(signal, logger, message, error, markers == null || markers.isEmpty() ? null : markerField(markers),
                    pairFields(pairs));
        } catch (Throwable t) {
            reportOnce(t);
        }
    }

    /**
     * Emits one log call of another bridged API (the Log4j API provider in {@code signals-log4j}):
     * the fields in the order above, {@code marker} and {@code fields} standing for the call's
     * marker field and key-value pairs, each {@code null} for none; a {@code null} slot in
     * {@code fields} is skipped. Public for Signals' own bridges; never throws.
     */
    public static void emitFields(Signal signal, String logger, String message, Throwable error, Field marker,
                                  Field[] fields) {
        try {
            Map<String, String> mdc = SignalsMdcAdapter.instance().current();
            int pairs = fields == null ? 0 : fields.length;
            Field[] all = new Field[1 + mdc.size() + (marker != null ? 1 : 0) + pairs + (error != null ? 1 : 0)];
            int i = 0;
            all[i++] = Field.of(LOGGER, logger == null ? "" : logger);
            for (Map.Entry<String, String> e : mdc.entrySet()) {
                all[i++] = Field.of(e.getKey(), (Object) e.getValue());
            }
            if (marker != null) {
                all[i++] = marker;
            }
            if (pairs > 0) {
                System.arraycopy(fields, 0, all, i, pairs);
                i += pairs;
            }
            if (error != null) {
                all[i] = Field.error(error);
            }
            Signals.emit(signal, message, all);
        } catch (Throwable t) {
            reportOnce(t);
        }
    }

    private static Field[] pairFields(List<KeyValuePair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return null;
        }
        Field[] out = new Field[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            KeyValuePair p = pairs.get(i);
            // a null key cannot make a field; the slot stays null, which events skip
            out[i] = p == null || p.key == null ? null : Field.of(p.key, p.value);
        }
        return out;
    }

    private static Field markerField(List<Marker> markers) {
        if (markers.size() == 1) {
            return Field.of(MARKER, nameOf(markers.get(0)));
        }
        List<String> names = new ArrayList<>(markers.size());
        for (Marker m : markers) {
            names.add(nameOf(m));
        }
        return Field.of(MARKER, (Object) List.copyOf(names));
    }

    private static String nameOf(Marker marker) {
        return marker == null ? "null" : String.valueOf(marker.getName());
    }

    /** Says once on stderr that a bridged call was lost, and why; later losses are not repeated. */
    public static void reportOnce(Throwable t) {
        if (!failureReported) {
            failureReported = true;
            System.err.println("Signals: a bridged log call could not be turned into an event and was lost: " + t);
        }
    }
}
