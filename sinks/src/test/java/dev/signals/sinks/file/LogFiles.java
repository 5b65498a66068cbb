package dev.signals.sinks.file;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.sinks.testing.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads back what a file sink wrote: rotated files oldest first (gunzipped), then the active file. */
final class LogFiles {

    private LogFiles() {
    }

    /** The rotated files of {@code active}, oldest first, by name. */
    static List<Path> rotated(Path active) {
        String name = active.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Pattern p = Pattern.compile(Pattern.quote(stem) + "-\\d{8}T\\d{6}Z-\\d{6}" + Pattern.quote(ext) + "(\\.gz)?");
        TreeMap<String, Path> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(active.getParent())) {
            files.filter(f -> p.matcher(f.getFileName().toString()).matches())
                    .forEach(f -> byName.put(f.getFileName().toString().replaceFirst("\\.gz$", ""), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(byName.values());
    }

    /** Every file in writing order: the rotated ones, then the active one if it exists. */
    static List<Path> all(Path active) {
        List<Path> out = rotated(active);
        if (Files.exists(active)) {
            out.add(active);
        }
        return out;
    }

    /** The bytes of a file, gunzipped when its name ends in {@code .gz}. */
    static byte[] content(Path file) {
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of one file, each checked to be one strict JSON object, in order. */
    static List<Map<String, Object>> events(Path file) {
        byte[] bytes = content(file);
        String text = JsonLines.utf8(bytes, bytes.length);
        assertTrue(text.isEmpty() || text.endsWith("\n"), () -> file + " ends with a whole line");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : JsonLines.lines(text)) {
            out.add(JsonLines.parseLine(line + "\n"));
        }
        return out;
    }

    /** Every line of every file, in writing order. */
    static List<Map<String, Object>> allEvents(Path active) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : all(active)) {
            out.addAll(events(f));
        }
        return out;
    }

    /** A whole-number field of a parsed line. */
    static long number(Map<String, Object> line, String key) {
        return ((BigDecimal) line.get(key)).longValueExact();
    }
}
