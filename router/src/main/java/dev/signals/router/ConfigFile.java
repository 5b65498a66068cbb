package dev.signals.router;

import dev.signals.router.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A config file's text as read at one moment; its text doubles as the fingerprint for change detection. */
record ConfigFile(String source, String text) {

    static ConfigFile read(Path path) {
        try {
            return new ConfigFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(path.toString(), 0, 0, "", "cannot read the config file: " + e, e);
        }
    }

    String fingerprint() {
        return text;
    }
}
