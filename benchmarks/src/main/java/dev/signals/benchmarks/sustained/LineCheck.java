package dev.signals.benchmarks.sustained;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the lines of a file and checks them: every line (all of them) must start with
 * {@code {} and end with {@code }}, and one line in {@value #STRIDE}, plus the first and the
 * last, is parsed with jackson-core and must be one JSON object carrying every key of the event
 * in its JSON type (see {@link OrderLine}). A file that does not end with a newline, or a line
 * that fails the check, fails the run with an exception naming the line.
 */
final class LineCheck {

    /** Parse one line in this many (a prime, so that the sample does not follow a pattern in the input). */
    static final int STRIDE = 997;

    private static final JsonFactory JSON = new JsonFactory();
    /** Every key of a line and the token its value must be. */
    private static final Map<String, JsonToken> KEYS = new HashMap<>();

    static {
        for (String key : new String[] {"time", "signal", "severity", "message", "thread", OrderLine.ORDER_ID}) {
            KEYS.put(key, JsonToken.VALUE_STRING);
        }
        KEYS.put("seq", JsonToken.VALUE_NUMBER_INT);
        KEYS.put(OrderLine.ITEMS, JsonToken.VALUE_NUMBER_INT);
        KEYS.put(OrderLine.AMOUNT, JsonToken.VALUE_NUMBER_FLOAT);
        KEYS.put(OrderLine.GIFT, JsonToken.VALUE_TRUE);
    }

    /** Lines counted, lines parsed, bytes read. */
    record Result(long lines, long sampled, long bytes) {
    }

    private LineCheck() {
    }

    static Result check(Path file) throws IOException {
        long lines = 0;
        long sampled = 0;
        long bytes = 0;
        byte[] line = new byte[4096];
        int length = 0;
        // The line before the current one, kept (by swapping the two arrays) to parse the last line.
        byte[] previous = new byte[4096];
        int previousLength = 0;
        byte[] chunk = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b != '\n') {
                        if (length == line.length) { // a line longer than any so far
                            line = Arrays.copyOf(line, length * 2);
                        }
                        line[length++] = b;
                        continue;
                    }
                    if (length < 2 || line[0] != '{' || line[length - 1] != '}') {
                        throw new IllegalStateException(file + ": line " + (lines + 1) + " is not one JSON object: "
                                + new String(line, 0, length, StandardCharsets.UTF_8));
                    }
                    if (lines % STRIDE == 0) {
                        parse(file, lines + 1, line, length);
                        sampled++;
                    }
                    lines++;
                    byte[] swap = previous;
                    previous = line;
                    previousLength = length;
                    line = swap;
                    length = 0;
                }
            }
        }
        if (length != 0) {
            throw new IllegalStateException(file + ": the last line (" + (lines + 1) + ") has no newline");
        }
        if (lines > 0 && (lines - 1) % STRIDE != 0) {
            parse(file, lines, previous, previousLength);
            sampled++;
        }
        return new Result(lines, sampled, bytes);
    }

    private static void parse(Path file, long number, byte[] line, int length) throws IOException {
        Map<String, JsonToken> seen = new HashMap<>();
        try (JsonParser parser = JSON.createParser(line, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException(file + ": line " + number + " is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                seen.put(key, parser.nextToken());
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new IllegalStateException(file + ": line " + number + " holds more than one value");
            }
        }
        for (Map.Entry<String, JsonToken> key : KEYS.entrySet()) {
            if (seen.get(key.getKey()) != key.getValue()) {
                throw new IllegalStateException(file + ": line " + number + ": '" + key.getKey() + "' should be "
                        + key.getValue() + ", is " + seen.get(key.getKey()) + ": "
                        + new String(line, 0, length, StandardCharsets.UTF_8));
            }
        }
    }
}
