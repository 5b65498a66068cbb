package dev.signals.sinks.snapshot;

import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4FrameInputStream;

/** Helpers for tests that write and read real snapshot files. */
public final class SnapshotTesting {

    private SnapshotTesting() {
    }

    /** The finished snapshot files in {@code dir}, by name. */
    public static List<Path> snapshots(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SnapshotNames.SUFFIX)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry of {@code dir}, by name. */
    public static List<String> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decompressed content of a snapshot, read with lz4-java's frame reader. */
    public static byte[] decompress(Path file) {
        try (InputStream in = new LZ4FrameInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of a snapshot parsed strictly (one object per line, valid UTF-8, no duplicate key): the header first. */
    public static List<Map<String, Object>> lines(Path file) {
        byte[] content = decompress(file);
        String text = JsonLines.utf8(content, content.length);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : JsonLines.lines(text)) {
            out.add(JsonLines.parseLine(line + "\n"));
        }
        return out;
    }

    /** The {@code seq} of each event line of a snapshot. */
    public static List<Long> sequences(Path file) {
        List<Map<String, Object>> lines = lines(file);
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> line : lines.subList(1, lines.size())) {
            out.add(((BigDecimal) line.get("seq")).longValueExact());
        }
        return out;
    }
}
