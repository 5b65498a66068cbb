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
 * <p>Never throws: a log call must not break the code that makes it.
 */
final class BridgeEvents {

    /** The field holding the logger name. */
    static final String LOGGER = "logger";
    /** The field holding the marker name(s). */
    static final String MARKER = "marker";

    private static volatile boolean failureReported;

    private BridgeEvents() {
    }

    static void emit(Signal signal, String logger, String message, Throwable error, List<Marker> markers,
                     List<KeyValuePair> pairs) {
        try {
            Map<String, String> mdc = SignalsMdcAdapter.instance().current();
            boolean hasMarker = markers != null && !markers.isEmpty();
            int n = 1 + mdc.size() + (hasMarker ? 1 : 0) + (pairs == null ? 0 : pairs.size()) + (error != null ? 1 : 0);
            Field[] fields = new Field[n];
            int i = 0;
            fields[i++] = Field.of(LOGGER, logger == null ? "" : logger);
            for (Map.Entry<String, String> e : mdc.entrySet()) {
                fields[i++] = Field.of(e.getKey(), (Object) e.getValue());
            }
            if (hasMarker) {
                fields[i++] = markerField(markers);
            }
            if (pairs != null) {
                for (KeyValuePair p : pairs) {
                    // a null key cannot make a field; the slot stays null, which events skip
                    fields[i++] = p == null || p.key == null ? null : Field.of(p.key, p.value);
                }
            }
            if (error != null) {
                fields[i] = Field.error(error);
            }
            Signals.emit(signal, message, fields);
        } catch (Throwable t) {
            reportOnce(t);
        }
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

    static void reportOnce(Throwable t) {
        if (!failureReported) {
            failureReported = true;
            System.err.println("Signals: a bridged log call could not be turned into an event and was lost: " + t);
        }
    }
}
