package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One value as compact JSON text, by the rules and {@link Limits} the event lines use for a
 * field of that value (maps, lists, records, arrays, errors...). For sinks that show a value
 * to humans; it allocates, so the event JSON path uses {@link EventJsonWriter} instead.
 */
public final class JsonText {

    private JsonText() {
    }

    /**
     * The JSON text of {@code value}, on one line. A text that would pass
     * {@link Limits#MAX_LINE_BYTES} is cut there and ends with {@link Limits#MARK} (it is then
     * not valid JSON: this text is for people).
     */
    public static String of(Object value) {
        ByteBuf text = new ByteBuf(256, Limits.MAX_LINE_BYTES, Limits.MAX_LINE_BYTES);
        try {
            JsonGenerator g = JsonFactories.LINE.createGenerator(text);
            Cuts cuts = new Cuts();
            new ValueEncoder(new ErrorEncoder(cuts), cuts, new char[JsonScalars.SCRATCH_LENGTH]).write(g, value);
            g.flush();
        } catch (ByteBuf.Full full) {
            return new String(text.array(), 0, text.size(), StandardCharsets.UTF_8) + Limits.MARK;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
        return new String(text.array(), 0, text.size(), StandardCharsets.UTF_8);
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
