package dev.signals.live;

import dev.signals.sinks.snapshot.SnapshotNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The finished snapshot files of one directory, and the only way a request reaches one: by a
 * name that is a snapshot file name (no separator, no {@code ..}), resolved inside that
 * directory, a regular file that is not a link.
 */
final class SnapshotFiles {

    /** One file: its name, size, last change (epoch ms) and the reason in its name. */
    record Entry(String name, long bytes, long modifiedMillis, String reason) {
    }

    private final Path directory;

    SnapshotFiles(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The snapshot files, newest first; empty when the directory does not exist yet. */
    List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (!SnapshotNames.isSnapshotName(name)) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile()) {
                        out.add(new Entry(name, a.size(), a.lastModifiedTime().toMillis(), reasonOf(name)));
                    }
                } catch (NoSuchFileException deletedMeanwhile) {
                    // Retention removed it while we listed.
                }
            }
        } catch (NoSuchFileException noDirectoryYet) {
            return out;
        }
        out.sort(Comparator.comparingLong(Entry::modifiedMillis).thenComparing(Entry::name).reversed());
        return out;
    }

    /** The file of that name, or {@code null} when the name is no snapshot's or the file is not a regular file here. */
    Path resolve(String name) {
        if (name == null || !SnapshotNames.isSnapshotName(name)) {
            return null;
        }
        Path p = directory.resolve(name).normalize();
        if (!directory.equals(p.getParent()) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return p;
    }

    /** The sanitised reason in a snapshot file name: between the timestamp and the suffix. */
    static String reasonOf(String name) {
        int z = name.indexOf("Z-");
        return name.substring(z + 2, name.length() - SnapshotNames.SUFFIX.length());
    }
}
