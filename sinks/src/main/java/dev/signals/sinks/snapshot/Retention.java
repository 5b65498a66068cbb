package dev.signals.sinks.snapshot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a snapshot directory within {@code maxFiles} files and {@code maxBytes} bytes by
 * deleting the oldest snapshot files, whichever process wrote them (a restarted service has
 * a new pid, and its predecessor's snapshots count too). The file just written is never
 * deleted, even when it alone exceeds {@code maxBytes}. Temporary files left by a process
 * that died while writing are removed once they are an hour old.
 */
final class Retention {

    static final Duration STALE_TEMP = Duration.ofHours(1);

    private final int maxFiles;
    private final long maxBytes;

    Retention(int maxFiles, long maxBytes) {
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /**
     * Deletes the oldest snapshots in {@code dir} beyond the limits, sparing {@code keep}.
     *
     * @return the files deleted
     */
    List<Path> apply(Path dir, Path keep) throws IOException {
        List<Entry> snapshots = new ArrayList<>();
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean snapshot = SnapshotNames.isSnapshotName(name);
                if (!snapshot && !SnapshotNames.isTempName(name)) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue; // deleted meanwhile (another process's retention)
                }
                if (!attrs.isRegularFile()) {
                    continue;
                }
                if (snapshot) {
                    snapshots.add(new Entry(file, attrs.size(), attrs.lastModifiedTime().toInstant(), name));
                } else if (attrs.lastModifiedTime().toInstant().isBefore(staleBefore) && delete(file)) {
                    deleted.add(file);
                }
            }
        }
        // Oldest first: by modification time, then by the timestamp in the name.
        snapshots.sort(Comparator.comparing((Entry e) -> e.modified).thenComparing(e -> timestampPart(e.name)));
        long bytes = 0;
        for (Entry e : snapshots) {
            bytes += e.size;
        }
        int files = snapshots.size();
        for (Entry e : snapshots) {
            if (files <= maxFiles && bytes <= maxBytes) {
                break;
            }
            if (e.path.equals(keep)) {
                continue;
            }
            if (delete(e.path)) {
                deleted.add(e.path);
            }
            files--;
            bytes -= e.size;
        }
        return deleted;
    }

    private static boolean delete(Path file) throws IOException {
        try {
            return Files.deleteIfExists(file);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** {@code 20261123T032141.123Z} out of a snapshot name (sorts as time does). */
    private static String timestampPart(String name) {
        int first = name.indexOf('-');
        int second = first < 0 ? -1 : name.indexOf('-', first + 1);
        return second < 0 ? name : name.substring(second + 1);
    }

    private static final class Entry {
        final Path path;
        final long size;
        final Instant modified;
        final String name;

        Entry(Path path, long size, Instant modified, String name) {
            this.path = path;
            this.size = size;
            this.modified = modified;
            this.name = name;
        }
    }
}
