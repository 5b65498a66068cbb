package dev.signals.sinks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values without end, or bigger than the heap, in a JVM of 256 MB: each is cut at the documented
 * limits or fails its own event (counted), and every line the sink writes after it is whole,
 * valid JSON with its own fields, synchronous and asynchronous alike.
 */
class HeapLimitedEncodingTest {

    private static final Pattern FIGURES = Pattern.compile("(\\w+) routed=(\\d+) delivered=(\\d+) failures=(\\d+) dropped=(\\d+)");

    @Test
    void noValueSpoilsTheLinesAfterItInASmallHeap(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), HeapLimitedEncodingMain.class.getName(),
                dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        Matcher hostileCount = Pattern.compile("hostile=(\\d+)").matcher(output);
        assertTrue(hostileCount.find(), output);
        int hostile = Integer.parseInt(hostileCount.group(1));
        int emitted = hostile * (1 + HeapLimitedEncodingMain.AFTER_EACH);

        Matcher figures = FIGURES.matcher(output);
        int sinks = 0;
        while (figures.find()) {
            sinks++;
            String name = figures.group(1);
            long routed = Long.parseLong(figures.group(2));
            long delivered = Long.parseLong(figures.group(3));
            long failures = Long.parseLong(figures.group(4));
            long dropped = Long.parseLong(figures.group(5));
            assertTrue(routed >= emitted, name + ": " + output); // and the router's own reports of the failures
            assertEquals(routed, delivered + dropped, name + ": every event delivered or counted; " + output);
            assertTrue(failures <= 2, name + ": only the two values bigger than the heap may fail; " + output);

            List<String> lines = Files.readAllLines(dir.resolve(name + ".jsonl"));
            assertEquals(delivered, lines.size(), name + ": delivered means written, one line each");
            int after = 0;
            int hostileLines = 0;
            for (String line : lines) {
                Map<String, Object> event = parse(line, name);
                Object signal = event.get("signal");
                if ("AFTER_HOSTILE".equals(signal)) {
                    after++;
                    assertEquals("line,with:json\"chars", event.get("text"), line);
                    assertEquals("after \"" + event.get("n") + "\"", event.get("message"), line);
                } else if ("HOSTILE_VALUE".equals(signal)) {
                    hostileLines++;
                    assertTrue(line.contains(Limits.MARK) || line.contains("\"_truncated\":"), name + ": a value written is marked as cut: "
                            + line.substring(0, Math.min(200, line.length())));
                    assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < Limits.MAX_LINE_BYTES,
                            "within the line limit");
                }
            }
            assertEquals(hostile * HeapLimitedEncodingMain.AFTER_EACH, after, name + ": every ordinary event after a hostile one");
            assertTrue(hostileLines >= hostile - 2, name + ": the values that fit are written, cut: " + hostileLines);
            assertEquals(hostile - failures, hostileLines, name + ": a value is written or its failure counted");
        }
        assertEquals(2, sinks, output);
    }

    /** The line as a flat map of its top-level scalars; fails the test on anything but one whole JSON object. */
    private static Map<String, Object> parse(String line, String sink) throws Exception {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), sink + ": " + line);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    p.skipChildren();
                } else {
                    out.put(key, value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : p.getText());
                }
            }
            assertEquals(null, p.nextToken(), sink + ": one object per line: " + line);
        }
        return out;
    }
}
