package dev.signals.example.orders.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.sinks.snapshot.SnapshotOptions;
import dev.signals.sinks.snapshot.SnapshotSink;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFilesTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    private static Event event(long seq, Signal signal, String traceId) {
        return Event.builder(signal).message(signal.name()).sequence(seq)
                .trace(traceId, traceId == null ? null : "b7ad6b7169203331").build();
    }

    @Test
    void readsBackWhatThisProcessWroteWithTheTraceOfItsTrigger(@TempDir Path dir) throws Exception {
        TimeTravelSink timeline = new TimeTravelSink(16);
        SnapshotSink snapshots = new SnapshotSink("snapshots", timeline,
                SnapshotOptions.builder(dir).triggerSeverity(Severity.ERROR).build());
        Signal failed = Signal.of("PAYMENT_FAILED", Severity.ERROR);
        for (Event e : List.of(event(1, Signal.of("ORDER_CREATED"), TRACE),
                event(2, Signal.of("RETRY_SCHEDULED", Severity.DEBUG), TRACE),
                event(3, Signal.of("LOAD_PROGRESS"), null),
                event(4, failed, TRACE))) {
            timeline.accept(e);
            snapshots.accept(e);
        }
        snapshots.close();
        Files.write(dir.resolve("signals-1-20261123T035900.100Z-someone_else.jsonl.lz4"), new byte[16]);

        List<SnapshotFiles.SnapshotFile> files = SnapshotFiles.writtenBy(ProcessHandle.current().pid(), List.of(dir));

        assertEquals(1, files.size(), files.toString());
        SnapshotFiles.SnapshotFile f = files.get(0);
        assertEquals("PAYMENT_FAILED", f.reason());
        assertEquals(4, f.events());
        assertEquals(4, f.triggerSeq());
        assertEquals(TRACE, f.triggerTraceId());
        assertTrue(f.bytes() > 0 && f.path().startsWith(dir), f.toString());
    }

    @Test
    void noDirectoryNoFiles(@TempDir Path dir) {
        assertEquals(List.of(), SnapshotFiles.writtenBy(1, List.of(dir.resolve("missing"))));
    }
}
