package dev.signals.example.orders.config;

import dev.signals.router.Router;
import dev.signals.sinks.snapshot.SnapshotOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Signals config the example runs with, and where it puts files.
 *
 * <p>The router finds the config itself ({@code -Dsignals.config}, {@code $SIGNALS_CONFIG},
 * {@code signals.json} on the class path). This class reads the same document to learn where
 * its {@code snapshot} sinks and {@code file} sinks write, so that the summary can list their
 * files, and moves those files when asked:
 * <ul>
 *   <li>{@code --snapshot-dir DIR}: every {@code snapshot} sink's {@code directory} becomes DIR;</li>
 *   <li>{@code --logs-dir DIR}: every {@code file} sink's {@code path} moves to DIR, keeping its
 *       file name;</li>
 *   <li>one service per process ({@code --service NAME}): every {@code file} sink's file name
 *       gets the service's name ({@code business.jsonl} becomes {@code business-payment.jsonl}),
 *       because a file has one writer, and every snapshot sink's {@code service} gets it too.</li>
 * </ul>
 * When anything moved, {@link #apply} gives the router the changed document (which it then no
 * longer reloads from the file). A config the router refused is left alone: the router has
 * said so and runs with its built-in default.
 */
public final class ExampleConfig {

    private static final String CLASSPATH_NAME = "signals.json";

    private final String source;
    private final String placedText;
    private final List<String> changes;
    private final List<Path> snapshotDirectories;
    private final List<Path> logFiles;

    private ExampleConfig(String source, String placedText, List<String> changes, List<Path> snapshotDirectories,
                          List<Path> logFiles) {
        this.source = source;
        this.placedText = placedText;
        this.changes = List.copyOf(changes);
        this.snapshotDirectories = List.copyOf(snapshotDirectories);
        this.logFiles = List.copyOf(logFiles);
    }

    /**
     * Finds and reads the config the global router uses, and places its files.
     *
     * @param configFlag the file given with {@code --config} (already set as {@code signals.config}), or {@code null}
     * @param snapshotDir {@code --snapshot-dir}, or {@code null} to keep the config's directories
     * @param logsDir {@code --logs-dir}, or {@code null} to keep the config's paths
     * @param service the one service this process runs (or {@code loadgen}), or {@code null} for all
     */
    public static ExampleConfig load(Path configFlag, Path snapshotDir, Path logsDir, String service) {
        String property = System.getProperty("signals.config");
        String env = System.getenv("SIGNALS_CONFIG");
        String source;
        String text;
        if (property != null && !property.isBlank()) {
            source = configFlag != null ? configFlag + " (--config)" : property + " (-Dsignals.config)";
            text = readFile(Path.of(property));
        } else if (env != null && !env.isBlank()) {
            source = env + " ($SIGNALS_CONFIG)";
            text = readFile(Path.of(env));
        } else {
            text = readResource();
            source = text != null ? CLASSPATH_NAME + " on the class path" : "the built-in default";
        }
        return place(source, text, snapshotDir, logsDir, service);
    }

    /**
     * Places the files of the config {@code text}; see {@link #load}.
     *
     * @param text the document, or {@code null} when there is none (the router's built-in default)
     */
    static ExampleConfig place(String source, String text, Path snapshotDir, Path logsDir, String service) {
        if (text == null) {
            return new ExampleConfig(source, null, List.of(), List.of(), List.of());
        }
        Map<String, Object> root;
        try {
            root = JsonTree.parseObject(text);
        } catch (IOException refusedByTheRouterToo) {
            return new ExampleConfig(source, null, List.of(), List.of(), List.of());
        }
        Placement placement = new Placement(snapshotDir, logsDir, service);
        Object sinks = root.get("sinks");
        if (sinks instanceof Map) {
            for (Object sink : ((Map<?, ?>) sinks).values()) {
                if (sink instanceof Map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> settings = (Map<String, Object>) sink;
                    placement.place(settings);
                }
            }
        }
        return new ExampleConfig(source, placement.changed ? JsonTree.write(root) : null, placement.changes(),
                placement.snapshotDirectories, placement.logFiles);
    }

    /**
     * Gives {@code router} the config with its files placed, when they moved. A refusal is
     * reported on {@code err}; the routes in force then stay.
     *
     * @return whether the router now runs the placed config (also {@code true} when nothing moved)
     */
    public boolean apply(Router router, PrintStream err) {
        if (placedText == null) {
            return true;
        }
        try {
            router.configure(placedText, source + ", " + String.join(", ", changes));
            return true;
        } catch (RuntimeException e) {
            err.println("Signals: config " + source + " refused with " + String.join(", ", changes)
                    + "; the routes in force stay: " + e.getMessage());
            return false;
        }
    }

    /** Where the config came from, and what the example changed in it: for the summary. */
    public String describe() {
        return changes.isEmpty() ? source : source + "; " + String.join(", ", changes);
    }

    /** The {@code directory} of every snapshot sink, as placed; empty when there is none. */
    public List<Path> snapshotDirectories() {
        return snapshotDirectories;
    }

    /** The {@code path} of every file sink, as placed; empty when there is none. */
    public List<Path> logFiles() {
        return logFiles;
    }

    /** The config text given to the router, or {@code null} when nothing moved. */
    String placedText() {
        return placedText;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String readResource() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClassLoader cl = loader != null ? loader : ExampleConfig.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(CLASSPATH_NAME)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Moves the files of one sink definition after another, and remembers where they go. */
    private static final class Placement {

        private final Path snapshotDir;
        private final Path logsDir;
        private final String service;
        private final List<Path> snapshotDirectories = new ArrayList<>();
        private final List<Path> logFiles = new ArrayList<>();
        private boolean changed;

        Placement(Path snapshotDir, Path logsDir, String service) {
            this.snapshotDir = snapshotDir;
            this.logsDir = logsDir;
            this.service = service;
        }

        void place(Map<String, Object> sink) {
            Object type = sink.get("type");
            if ("snapshot".equals(type)) {
                Path directory = snapshotDir != null ? snapshotDir : path(sink.get("directory"), SnapshotOptions.DEFAULT_DIRECTORY);
                if (snapshotDir != null) {
                    set(sink, "directory", directory.toString());
                }
                if (service != null && sink.get("service") instanceof String) {
                    set(sink, "service", sink.get("service") + "-" + service);
                }
                if (!snapshotDirectories.contains(directory)) {
                    snapshotDirectories.add(directory);
                }
            } else if ("file".equals(type) && sink.get("path") instanceof String) {
                Path path = Path.of((String) sink.get("path"));
                Path dir = logsDir != null ? logsDir : path.getParent();
                String name = service == null ? path.getFileName().toString() : withService(path.getFileName().toString());
                Path placed = dir == null ? Path.of(name) : dir.resolve(name);
                set(sink, "path", placed.toString());
                logFiles.add(placed);
            }
        }

        /** {@code business.jsonl} → {@code business-payment.jsonl}. */
        private String withService(String fileName) {
            int dot = fileName.indexOf('.');
            return dot <= 0 ? fileName + "-" + service : fileName.substring(0, dot) + "-" + service + fileName.substring(dot);
        }

        private void set(Map<String, Object> sink, String key, String value) {
            if (!value.equals(sink.get(key))) {
                sink.put(key, value);
                changed = true;
            }
        }

        private static Path path(Object value, Path otherwise) {
            return value instanceof String && !((String) value).isBlank() ? Path.of((String) value) : otherwise;
        }

        List<String> changes() {
            if (!changed) {
                return Collections.emptyList();
            }
            List<String> out = new ArrayList<>();
            if (snapshotDir != null) {
                out.add("snapshots in " + snapshotDir);
            }
            if (logsDir != null) {
                out.add("logs in " + logsDir);
            }
            if (service != null) {
                out.add("log files named for the " + service + " process");
            }
            return out;
        }
    }
}
