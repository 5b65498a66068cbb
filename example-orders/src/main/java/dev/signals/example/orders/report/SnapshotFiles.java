package dev.signals.example.orders.report;

import dev.signals.sinks.reader.SnapshotEvent;
import dev.signals.sinks.reader.SnapshotReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The snapshot files one process wrote, read back with the snapshot reader for the summary:
 * each file's reason, its number of events and the trace of the event that triggered it.
 */
public final class SnapshotFiles {

    /**
     * One snapshot file.
     *
     * @param path the file, as its directory was given plus its name
     * @param bytes its size
     * @param reason the header's {@code reason} ({@code PAYMENT_FAILED}), or what made it unreadable
     * @param events the events it holds, or -1 when unreadable
     * @param triggerSeq the {@code seq} of the event that triggered it, or -1
     * @param triggerTraceId the {@code trace_id} of that event, or {@code null}
     */
    public record SnapshotFile(Path path, long bytes, String reason, long events, long triggerSeq,
                               String triggerTraceId) {

        /** {@code 12.3 KB}. */
        public String size() {
            return OutputFiles.humanBytes(bytes);
        }
    }

    private SnapshotFiles() {
    }

    /**
     * The snapshot files in {@code directories} whose names say process {@code pid} wrote them
     * ({@code signals-<pid>-<time>-<reason>.jsonl.lz4}), in the order their triggers were emitted.
     */
    public static List<SnapshotFile> writtenBy(long pid, List<Path> directories) {
        String prefix = "signals-" + pid + "-";
        List<SnapshotFile> out = new ArrayList<>();
        for (Path dir : directories) {
            for (OutputFiles.OutputFile f : OutputFiles.list(dir, ".jsonl.lz4")) {
                if (f.path().getFileName().toString().startsWith(prefix)) {
                    out.add(read(f));
                }
            }
        }
        // Triggers a millisecond apart can be written in either order; their seq says which came first.
        out.sort(Comparator.comparingLong(SnapshotFile::triggerSeq).thenComparing(f -> f.path().getFileName().toString()));
        return out;
    }

    private static SnapshotFile read(OutputFiles.OutputFile f) {
        try (SnapshotReader reader = SnapshotReader.open(f.path())) {
            long triggerSeq = triggerSeq(reader.header().raw());
            long events = 0;
            String traceId = null;
            for (SnapshotEvent e = reader.next(); e != null; e = reader.next()) {
                events++;
                if (e.seq() == triggerSeq) {
                    traceId = e.traceId();
                }
            }
            return new SnapshotFile(f.path(), f.bytes(), reader.header().reason(), events, triggerSeq, traceId);
        } catch (IOException | RuntimeException e) {
            return new SnapshotFile(f.path(), f.bytes(), "unreadable: " + e.getMessage(), -1, -1, null);
        }
    }

    /** {@code trigger.seq} of the header; -1 when the trigger was no event (a request, a timer). */
    private static long triggerSeq(Map<String, Object> header) {
        Object trigger = header.get("trigger");
        Object seq = trigger instanceof Map ? ((Map<?, ?>) trigger).get("seq") : null;
        try {
            return seq == null ? -1 : Long.parseLong(String.valueOf(seq));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
