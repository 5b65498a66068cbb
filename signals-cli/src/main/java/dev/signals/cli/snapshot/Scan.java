package dev.signals.cli.snapshot;

import dev.signals.sinks.reader.SnapshotDamagedException;
import dev.signals.sinks.reader.SnapshotEvent;
import dev.signals.sinks.reader.SnapshotInfo;
import dev.signals.sinks.reader.SnapshotReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads snapshot files one after the other, handing each event on and collecting, rather than
 * throwing, what went wrong with each file: a damaged file yields its events up to the damage.
 */
final class Scan {

    /** Receives events; may stop the scan when standard output is gone. */
    interface Events {
        void accept(SnapshotEvent event) throws Output.StdoutClosed;
    }

    final List<SnapshotInfo> headers = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    /** Reads every file in order. */
    void read(List<String> files, Events events) throws Output.StdoutClosed {
        for (String name : files) {
            Path file = Path.of(name);
            String cannot = cannotOpen(file);
            if (cannot != null) {
                problems.add(name + ": " + cannot);
                continue;
            }
            try (SnapshotReader reader = SnapshotReader.open(file)) {
                headers.add(reader.header());
                for (SnapshotEvent e = reader.next(); e != null; e = reader.next()) {
                    events.accept(e);
                }
            } catch (SnapshotDamagedException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(name + ": cannot read: " + describe(e));
            }
        }
    }

    /** Why {@code file} cannot be opened as a snapshot, or {@code null} when it can be tried. */
    static String cannotOpen(Path file) {
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (Files.isDirectory(file)) {
            return "is a directory (list it with: list " + file + ")";
        }
        return null;
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
