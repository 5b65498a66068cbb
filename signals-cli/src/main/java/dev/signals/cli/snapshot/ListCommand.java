package dev.signals.cli.snapshot;

import dev.signals.sinks.reader.SafeText;
import dev.signals.sinks.reader.SnapshotDamagedException;
import dev.signals.sinks.reader.SnapshotInfo;
import dev.signals.sinks.reader.SnapshotReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code list DIR}: one row per snapshot file ({@code *.jsonl.lz4}) in the directory, oldest
 * first: creation time, reason, event count, size in bytes, file name. Only headers are read.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "One line per snapshot in DIR: creation time, reason, events, bytes, file.")
final class ListCommand extends ReaderCommand {

    @Parameters(paramLabel = "DIR", arity = "1", description = "a directory of snapshot files")
    Path dir;

    @Override
    List<String> read(Output out) throws Output.StdoutClosed {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
            return problems;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jsonl.lz4")) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": cannot list: " + Scan.describe(e));
            return problems;
        }
        List<String[]> rows = new ArrayList<>();
        for (Path file : files) {
            try (SnapshotReader reader = SnapshotReader.open(file)) {
                SnapshotInfo h = reader.header();
                rows.add(new String[] {h.created(), h.reason(), Long.toString(h.events()), Long.toString(h.size()),
                        file.getFileName().toString()});
            } catch (SnapshotDamagedException e) {
                problems.add(e.getMessage());
                rows.add(new String[] {"?", "(damaged)", "?", size(file), file.getFileName().toString()});
            } catch (IOException e) {
                problems.add(file + ": cannot read: " + Scan.describe(e));
            }
        }
        rows.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[4]));
        String[] head = {"CREATED", "REASON", "EVENTS", "BYTES", "FILE"};
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], SafeText.of(r[i]).length());
            }
        }
        out.line(row(head, width));
        for (String[] r : rows) {
            out.line(row(r, width));
        }
        return problems;
    }

    private static String size(Path file) {
        try {
            return Long.toString(Files.size(file));
        } catch (IOException e) {
            return "?";
        }
    }

    private static String row(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = SafeText.of(cells[i]);
            boolean numeric = i == 2 || i == 3;
            if (numeric) {
                sb.append(" ".repeat(width[i] - c.length())).append(c);
            } else {
                sb.append(c);
                if (i < cells.length - 1) {
                    sb.append(" ".repeat(width[i] - c.length()));
                }
            }
            if (i < cells.length - 1) {
                sb.append("  ");
            }
        }
        return sb.toString();
    }
}
