package dev.signals.sinks.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Owner-only files (0600) and directories (0700) where the file system has POSIX permissions;
 * elsewhere, the platform's defaults. Snapshots hold whatever the application logged, so no
 * other user may read them.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnly() {
    }

    static boolean isPosix(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} and any missing parents, each 0700 (set explicitly, so the umask
     * cannot widen or narrow it); an existing directory is left as it is.
     */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path absolute = dir.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (isPosix(absolute.getFileSystem())) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(absolute, DIRECTORY);
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
    }

    /** Opens a new file for writing, 0600 from the start (never briefly readable by others). */
    static FileChannel createFile(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (isPosix(file.getFileSystem())) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(FILE);
            FileChannel channel = FileChannel.open(file, options, attr);
            try {
                Files.setPosixFilePermissions(file, FILE);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return channel;
        }
        return FileChannel.open(file, options);
    }

    /**
     * Makes the directory entry of a rename durable. Best effort: where a directory cannot be
     * opened (not POSIX), the rename is as durable as the platform makes it.
     */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can fsync a directory; the file itself was forced already.
        }
    }
}
