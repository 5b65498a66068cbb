package dev.signals.benchmarks.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Counts and checks the JSON lines a framework appended to its file, picking up where the last
 * call stopped, so that each iteration is checked once and nothing is read twice.
 *
 * <p>Every complete line must be one JSON object (parsed with jackson-core) starting at the
 * line's first byte and ending at its last, carrying the five fields of {@link Order} at top
 * level, each in its JSON type: {@code user} and {@code region} strings, {@code order_id} an
 * integer, {@code amount} a decimal number and {@code gift} a boolean. So a framework cannot win
 * by writing less: fewer lines, or lines that lost a field, fail the run. A partial line at the
 * end of the file (still being written) is left for the next call.
 *
 * <p>It runs inside the measured JVM, in the iteration's tear-down, and JMH's allocation
 * profiler counts every byte any thread allocates during an iteration, tear-down included. So
 * it allocates (almost) nothing per line: one reused buffer, and one parser per megabyte read
 * that walks all the lines of the chunk as a sequence of root values. Only when a chunk fails is
 * it parsed line by line again, to name the line at fault.
 */
final class JsonLines {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] KEYS = {Order.USER, Order.REGION, Order.ORDER_ID, Order.AMOUNT, Order.GIFT};
    private static final int ALL_KEYS = (1 << KEYS.length) - 1;

    private final Path file;
    private byte[] buffer = new byte[1 << 20];
    /** Bytes of complete lines read so far: where the next read starts. */
    private long offset;
    private long lines;

    JsonLines(Path file) {
        this.file = file;
    }

    /** Complete, checked lines so far. */
    long lines() {
        return lines;
    }

    /** Bytes of complete lines so far. */
    long bytes() {
        return offset;
    }

    /**
     * Reads and checks the lines appended since the last call.
     *
     * @throws IllegalStateException naming the file and line when a line is not what it should be
     */
    void readNew() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int filled = 0;
            while (true) {
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
                int n = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled), offset + filled);
                if (n <= 0) {
                    return;
                }
                filled += n;
                int consumed = checkChunk(filled);
                offset += consumed;
                System.arraycopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        }
    }

    /** Checks the complete lines in {@code buffer[0, filled)}; returns the bytes they take. */
    private int checkChunk(int filled) throws IOException {
        int end = filled;
        while (end > 0 && buffer[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            return 0;
        }
        // Each line is '{' ... '}' '\n': one object per line is then what the parser's count shows.
        long newlines = 0;
        boolean framed = true;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (buffer[i] == '\n') {
                framed &= i - lineStart >= 2 && buffer[lineStart] == '{' && buffer[i - 1] == '}';
                newlines++;
                lineStart = i + 1;
            }
        }
        long objects = framed ? countObjects(end) : -1;
        if (objects != newlines) {
            findBadLine(end); // throws
            throw new IllegalStateException(file + ": " + objects + " JSON objects on " + newlines + " lines near line "
                    + (lines + 1));
        }
        lines += newlines;
        return end;
    }

    /** The top-level objects in {@code buffer[0, end)}, each checked; -1 when one is wrong or not an object. */
    private long countObjects(int end) throws IOException {
        long objects = 0;
        try (JsonParser p = JSON.createParser(buffer, 0, end)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT || !checkObject(p)) {
                    return -1;
                }
                objects++;
            }
        } catch (JsonProcessingException e) {
            return -1;
        }
        return objects;
    }

    /** Reads one object's members, the parser on its START_OBJECT; true when all five fields are there, well typed. */
    private static boolean checkObject(JsonParser p) throws IOException {
        int found = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            int k = indexOf(name);
            if (k >= 0) {
                if (!hasType(k, value)) {
                    return false;
                }
                found |= 1 << k;
            }
            p.skipChildren();
        }
        return t == JsonToken.END_OBJECT && found == ALL_KEYS;
    }

    /** Parses the chunk line by line to throw an exception naming the first bad line. */
    private void findBadLine(int end) throws IOException {
        int start = 0;
        long line = lines;
        for (int i = 0; i < end; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
            line++;
            String problem = null;
            try (JsonParser p = JSON.createParser(buffer, start, i - start)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    problem = "not a JSON object";
                } else if (!checkObject(p)) {
                    problem = "a field is missing or of the wrong type";
                } else if (p.nextToken() != null) {
                    problem = "more than one JSON value on the line";
                }
            } catch (JsonProcessingException e) {
                problem = "malformed JSON: " + e.getOriginalMessage();
            }
            if (problem != null) {
                String text = new String(buffer, start, Math.min(i - start, 300), StandardCharsets.UTF_8);
                throw new IllegalStateException(file + " line " + line + ": " + problem + ": " + text);
            }
            start = i + 1;
        }
    }

    private static int indexOf(String name) {
        for (int k = 0; k < KEYS.length; k++) {
            if (KEYS[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hasType(int key, JsonToken value) {
        switch (key) {
            case 0:
            case 1:
                return value == JsonToken.VALUE_STRING;
            case 2:
                return value == JsonToken.VALUE_NUMBER_INT;
            case 3:
                return value == JsonToken.VALUE_NUMBER_FLOAT;
            default:
                return value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
        }
    }
}
