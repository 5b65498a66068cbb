package dev.signals.slf4j;

import dev.signals.Severity;
import dev.signals.spi.LoggerLevels;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads the logger-name mapping at start-up: the file named by the system property
 * {@value Slf4jSignals#PROPERTY}, else {@value Slf4jSignals#RESOURCE} on the class path, else
 * nothing. Logging must start whatever the file holds, so a wrong entry (or an unreadable file)
 * is reported on stderr, naming the file and the key, and skipped.
 */
final class MappingFile {

    private MappingFile() {
    }

    static SignalMapping load(String property, ClassLoader loader, PrintStream err) {
        try {
            if (property != null && !property.isBlank()) {
                Path file = Path.of(property.trim());
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return parse(in, file.toString(), err);
                }
            }
            ClassLoader cl = loader != null ? loader : MappingFile.class.getClassLoader();
            try (InputStream in = cl.getResourceAsStream(Slf4jSignals.RESOURCE)) {
                if (in == null) {
                    return SignalMapping.EMPTY;
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + Slf4jSignals.RESOURCE, err);
            }
        } catch (IOException | RuntimeException e) {
            err.println("Signals: the SLF4J logger mapping " + (property != null && !property.isBlank() ? property
                    : "classpath:" + Slf4jSignals.RESOURCE) + " could not be read (" + e + "); no logger is mapped");
            return SignalMapping.EMPTY;
        }
    }

    /**
     * Parses {@code logger.name = PREFIX}, {@code logger.name = LEVEL} and
     * {@code logger.name = PREFIX LEVEL} lines (the {@link Properties} format).
     */
    static SignalMapping parse(Reader in, String source, PrintStream err) throws IOException {
        Properties p = new Properties();
        p.load(in);
        List<String> names = new ArrayList<>(p.stringPropertyNames());
        names.sort(null); // a stable order for the reports; lookups do not depend on it
        SignalMapping mapping = SignalMapping.EMPTY;
        for (String name : names) {
            try {
                mapping = apply(mapping, name.trim(), p.getProperty(name).trim());
            } catch (IllegalArgumentException e) {
                err.println("Signals: " + source + ": entry '" + name + "' skipped: " + e.getMessage());
            }
        }
        return mapping;
    }

    private static SignalMapping apply(SignalMapping mapping, String name, String value) {
        String[] words = value.isEmpty() ? new String[0] : value.split("\\s+");
        if (words.length == 0 || words.length > 2) {
            throw new IllegalArgumentException("expected PREFIX, LEVEL or PREFIX LEVEL, not '" + value + "'");
        }
        String prefix = null;
        Severity min = null;
        for (String w : words) {
            Severity level = level(w);
            if (level != null && min == null) {
                min = level;
            } else if (level == null && prefix == null) {
                prefix = w;
            } else {
                throw new IllegalArgumentException("expected PREFIX, LEVEL or PREFIX LEVEL, not '" + value + "'");
            }
        }
        SignalMapping next = prefix == null ? mapping : mapping.withPrefix(name, prefix);
        return min == null ? next : next.withMinSeverity(name, min);
    }

    /** A level word, upper case as the config's ({@code OFF} turns every level off), or {@code null} for a prefix. */
    private static Severity level(String word) {
        if (!word.equals(word.toUpperCase(Locale.ROOT))) {
            return null;
        }
        try {
            return LoggerLevels.parseLevel(word);
        } catch (IllegalArgumentException notALevel) {
            return null;
        }
    }
}
