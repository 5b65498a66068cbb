package dev.signals.example.orders.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Lists the files a run left in a directory (snapshots, logs) for the summary. */
public final class OutputFiles {

    /**
     * A file and its size.
     *
     * @param path the file, as the directory was given plus the file's name
     * @param bytes its size
     */
    public record OutputFile(Path path, long bytes) {

        /** {@code 12.3 KB}. */
        public String size() {
            return humanBytes(bytes);
        }
    }

    private OutputFiles() {
    }

    /**
     * The regular files directly in {@code dir} whose names end with {@code suffix}, newest
     * last; empty when the directory does not exist.
     */
    public static List<OutputFile> list(Path dir, String suffix) {
        List<OutputFile> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(OutputFiles::modified).thenComparing(Path::toString))
                    .forEach(p -> out.add(new OutputFile(p, size(p))));
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The size of {@code p}, or 0 when it cannot be read. */
    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** {@code 512 B}, {@code 12.3 KB}, {@code 4.0 MB}. */
    public static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
