package dev.signals.sinks.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How many names a file this process holds open still has, read through Linux's
 * {@code /proc/self/fd} (which reaches a file even once it has no name left): 0 means it was
 * deleted, and whatever is written to it is lost.
 */
final class OpenFileLinks {

    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    private OpenFileLinks() {
    }

    /** The link count of the open file with {@code fileKey}, or -1 when this system cannot tell. */
    static long count(Object fileKey) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(OWN_FDS)) {
            for (Path fd : fds) {
                try {
                    if (fileKey.equals(Files.readAttributes(fd, BasicFileAttributes.class).fileKey())) {
                        return ((Number) Files.getAttribute(fd, "unix:nlink")).longValue();
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile, or not a file: look on
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here
        }
        return -1;
    }
}
