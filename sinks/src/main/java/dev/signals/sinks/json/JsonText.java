package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One value as compact JSON text, by the rules the event lines use for a field of that value
 * (maps, lists, records, arrays, errors...). For sinks that show a value to humans; it
 * allocates, so the event JSON path uses {@link EventJsonWriter} instead.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The JSON text of {@code value}, on one line. */
    public static String of(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonFactories.LINE.createGenerator(text)) {
            new ValueEncoder(new ErrorEncoder(), new char[JsonScalars.SCRATCH_LENGTH]).write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /**
     * True when {@code value} is written as a JSON object or array: a map, iterable, array
     * (except {@code char[]}, written as a string), record or {@code Optional}.
     */
    public static boolean isStructured(Object value) {
        if (value == null || value instanceof Path || value instanceof char[]) {
            return false;
        }
        return value instanceof Map || value instanceof Iterable || value instanceof Optional
                || value.getClass().isArray() || value.getClass().isRecord();
    }
}
