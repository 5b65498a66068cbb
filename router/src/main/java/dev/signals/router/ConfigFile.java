package dev.signals.router;

import dev.signals.router.config.ConfigException;
import dev.signals.spi.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A config file's text as read at one moment; its text doubles as the fingerprint for change
 * detection. Only a regular file (or a link to one) is read, and only up to
 * {@value #MAX_BYTES} bytes: a FIFO would block the reader for ever, a device or a huge file
 * would exhaust the heap, and either would stop logging.
 */
record ConfigFile(String source, String text) {

    /** The largest config file read: far above any real config, far below a heap. */
    static final int MAX_BYTES = 1 << 20;

    static ConfigFile read(Path path) {
        String source = path.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ConfigException(source, 0, 0, "", "cannot read the config file: " + Failures.describe(e), e);
        }
        if (!attributes.isRegularFile()) {
            throw new ConfigException(source, 0, 0, "", "not a regular file ("
                    + (attributes.isDirectory() ? "a directory" : "a FIFO, socket or device")
                    + "); a config is read only from a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(source);
        }
        // Checked again while reading: the file may have been replaced or grown since.
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(source);
            }
            return new ConfigFile(source, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(source, 0, 0, "", "cannot read the config file: " + Failures.describe(e), e);
        }
    }

    private static ConfigException tooLarge(String source) {
        return new ConfigException(source, 0, 0, "", "larger than " + MAX_BYTES + " bytes; a config is at most 1 MiB");
    }

    String fingerprint() {
        return text;
    }
}
