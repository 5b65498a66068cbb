package dev.signals.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user sees: with signals-api, router and sinks on the class path and no
 * configuration at all, one emit prints one JSON line on stdout (stdout is a pipe here).
 * Runs a fresh JVM, without this module's test resources, exactly as an application would.
 */
class ZeroConfigTest {

    private static final String PROGRAM = String.join("\n",
            "import dev.signals.*;",
            "public class Emit {",
            "    public static void main(String[] args) {",
            "        Signal created = Signal.of(\"ORDER_CREATED\");",
            "        Signals.emit(created, \"Order created\", Field.of(\"order_id\", \"o-1\"), Field.of(\"items\", 2));",
            "        Signals.debug(\"not shown: below INFO\");",
            "    }",
            "}");

    @Test
    void oneEmitPrintsOneJsonLineOnStdout(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Emit.java");
        Files.writeString(source, PROGRAM);
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, source.toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        byte[] stdout = java.getInputStream().readAllBytes();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(0, java.exitValue(), err);
        List<String> lines = new String(stdout, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        assertEquals(1, lines.size(), "stdout: " + lines + "\nstderr: " + err);
        Map<String, Object> event = parse(lines.get(0));
        assertEquals("ORDER_CREATED", event.get("signal"));
        assertEquals("INFO", event.get("severity"));
        assertEquals("Order created", event.get("message"));
        assertEquals("o-1", event.get("order_id"));
        assertEquals(2L, event.get("items"));
        assertEquals("main", event.get("thread"));
        assertTrue(event.get("time").toString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        assertTrue(err.isEmpty(), "nothing on stderr either: " + err);
    }

    private static Map<String, Object> parse(String line) throws Exception {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                out.put(key, value == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : p.getText());
            }
        }
        return out;
    }
}
