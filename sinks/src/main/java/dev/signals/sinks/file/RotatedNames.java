package dev.signals.sinks.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How rotated files are named, found and ordered. {@code logs/audit.jsonl} rotates to
 * {@code logs/audit-20261123T032141Z-000001.jsonl} (UTC time of the rotation, then a counter
 * that keeps names unique and ordered within one second), plus {@code .gz} once compressed.
 * Names sort in rotation order, so listing them sorted gives the files oldest first.
 */
final class RotatedNames {

    static final String GZ = ".gz";
    static final String TMP = ".tmp";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path active;
    private final Path directory;
    private final String stem;
    private final String extension;
    private final Pattern rotated;
    private String lastStamp = "";
    private int lastIndex;

    RotatedNames(Path active) {
        this.active = active.toAbsolutePath();
        this.directory = this.active.getParent();
        String name = this.active.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
        this.extension = dot > 0 ? name.substring(dot) : "";
        this.rotated = Pattern.compile(Pattern.quote(stem) + "-\\d{8}T\\d{6}Z-\\d{6}" + Pattern.quote(extension)
                + "(" + Pattern.quote(GZ) + ")?");
    }

    Path active() {
        return active;
    }

    /** A free name for the file being rotated now, ordered after every earlier rotation. */
    Path next(Instant now) {
        String stamp = STAMP.format(now);
        int index = stamp.equals(lastStamp) ? lastIndex + 1 : 1;
        Path candidate = name(stamp, index);
        while (Files.exists(candidate) || Files.exists(compressed(candidate))) {
            candidate = name(stamp, ++index);
        }
        lastStamp = stamp;
        lastIndex = index;
        return candidate;
    }

    private Path name(String stamp, int index) {
        return directory.resolve(String.format("%s-%s-%06d%s", stem, stamp, index, extension));
    }

    /** The compressed name of a rotated file. */
    static Path compressed(Path rotatedFile) {
        return rotatedFile.resolveSibling(rotatedFile.getFileName() + GZ);
    }

    static boolean isCompressed(Path file) {
        return file.getFileName().toString().endsWith(GZ);
    }

    /**
     * The rotated files, oldest first, each once: by its plain name, with the compressed twin
     * (if both exist, after a compression was interrupted) under the same entry.
     *
     * @return rotation name (without {@code .gz}) → the files of that name
     */
    TreeMap<String, List<Path>> list() throws IOException {
        TreeMap<String, List<Path>> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (rotated.matcher(name).matches()) {
                    String key = name.endsWith(GZ) ? name.substring(0, name.length() - GZ.length()) : name;
                    out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(f);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }

    /** Temporary files a compression left behind when it was interrupted. */
    List<Path> leftovers() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(GZ + TMP)
                        && rotated.matcher(name.substring(0, name.length() - TMP.length())).matches()) {
                    out.add(f);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }
}
