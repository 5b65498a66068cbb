package dev.signals.log4j;

import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.slf4j.BridgeEvents;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;

/**
 * Turns one Log4j API call into one event, with the fields every bridge gives
 * ({@code dev.signals.slf4j.BridgeEvents}): {@code logger}; the {@code ThreadContext} entries
 * (Signals' MDC); {@code marker}, the marker's name; the message's own fields; the throwable.
 *
 * <p>A {@link MapMessage} (a {@code StructuredDataMessage} too) gives its entries as fields, each
 * typed by its value, so a number stays a number; its text is its format (a
 * {@code StructuredDataMessage}'s message), else its {@value #MESSAGE} entry, taken as the
 * text rather than as a field, else empty. The entries are never written into the text. Any
 * other message gives its formatted text. The throwable is the call's, else the message's
 * (a trailing parameter).
 */
final class Log4jFields {

    /** The entry of a map message taken as its text when it has no format. */
    static final String MESSAGE = "message";

    private Log4jFields() {
    }

    static void emit(Signal signal, String logger, Marker marker, Message message, Throwable thrown) {
        Throwable error = thrown != null ? thrown : message.getThrowable();
        Field markerField = marker == null ? null : Field.of(BridgeEvents.MARKER, String.valueOf(marker.getName()));
        if (message instanceof MapMessage) {
            MapMessage<?, ?> map = (MapMessage<?, ?>) message;
            IndexedReadOnlyStringMap entries = map.getIndexedReadOnlyStringMap();
            String format = map.getFormat();
            boolean textFromEntry = (format == null || format.isEmpty()) && entries.containsKey(MESSAGE);
            String text = textFromEntry ? String.valueOf((Object) entries.getValue(MESSAGE)) : format == null ? "" : format;
            BridgeEvents.emitFields(signal, logger, text, error, markerField, fields(entries, textFromEntry));
        } else {
            BridgeEvents.emitFields(signal, logger, message.getFormattedMessage(), error, markerField, null);
        }
    }

    private static Field[] fields(IndexedReadOnlyStringMap entries, boolean skipMessage) {
        int n = entries.size();
        Field[] out = new Field[n];
        for (int i = 0; i < n; i++) {
            String key = entries.getKeyAt(i);
            // a skipped entry leaves its slot null, which events skip
            out[i] = skipMessage && MESSAGE.equals(key) ? null : Field.of(key, (Object) entries.getValueAt(i));
        }
        return out;
    }
}
