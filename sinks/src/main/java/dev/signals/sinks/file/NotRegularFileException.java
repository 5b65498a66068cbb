package dev.signals.sinks.file;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Something other than a regular file is at the file sink's path. Opening a FIFO for writing
 * waits for a reader, for ever if none comes; a device or socket may wait on its other end
 * too: the file sink writes regular files only.
 */
public final class NotRegularFileException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    NotRegularFileException(Path path, String what) {
        super(path.toString(), null, "is " + what + ", not a regular file; the file sink writes regular files only");
    }

    /**
     * Looks at {@code path} (following symbolic links) without opening it.
     *
     * @return its attributes, or {@code null} when nothing is there yet
     * @throws NotRegularFileException when something other than a regular file is there
     * @throws IOException when the path cannot be looked at
     */
    static BasicFileAttributes check(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (attrs.isRegularFile()) {
            return attrs;
        }
        throw new NotRegularFileException(path, attrs.isDirectory() ? "a directory" : kind(path));
    }

    /** What a non-regular, non-directory file is, as far as the platform tells. */
    private static String kind(Path path) {
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
            switch (type) {
                case 0010000:
                    return "a FIFO (named pipe)";
                case 0140000:
                    return "a socket";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                default:
                    break;
            }
        } catch (IOException | RuntimeException e) {
            // no unix view here: say what is sure
        }
        return "a FIFO, socket or device";
    }
}
