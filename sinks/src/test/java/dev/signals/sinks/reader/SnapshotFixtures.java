package dev.signals.sinks.reader;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.sinks.snapshot.SnapshotOptions;
import dev.signals.sinks.snapshot.SnapshotSink;
import dev.signals.sinks.snapshot.SnapshotTesting;
import dev.signals.sinks.testing.JsonLines;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Real snapshot files for reader tests (here and in the {@code signals snapshot} command's),
 * written by the real snapshot sink.
 */
public final class SnapshotFixtures {

    public static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    public static final Signal CACHE_MISS = Signal.of("CACHE_MISS", Severity.DEBUG);
    public static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    public static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
    public static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";
    /** One instance, so that every encoding of an event carries the same stack. */
    public static final IllegalStateException DECLINED = new IllegalStateException("declined");

    private SnapshotFixtures() {
    }

    /**
     * Writes one snapshot of {@code events} events to {@code dir}: orders (INFO, traced A or B),
     * cache misses (DEBUG), and a payment failure (ERROR) every 50th, with times one millisecond
     * apart from {@code start}. Returns the file.
     */
    public static Path write(Path dir, String reason, int events, Instant start, long firstSeq) {
        TimeTravelSink buffer = new TimeTravelSink(Math.max(1, events));
        for (int i = 0; i < events; i++) {
            buffer.accept(event(i, start, firstSeq + i));
        }
        SnapshotSink sink = new SnapshotSink(buffer, SnapshotOptions.builder(dir).cooldown(Duration.ZERO)
                .maxFiles(1_000).service("orders").build());
        try {
            sink.snapshot(reason);
            sink.flush();
            return sink.stats().lastFile();
        } finally {
            sink.close();
        }
    }

    public static Event event(int i, Instant start, long seq) {
        Event.Builder b;
        if (i % 50 == 49) {
            b = Event.builder(PAYMENT_FAILED).message("Payment declined")
                    .fields(Field.of("order_id", "o-" + i), Field.of("amount", 12.5), Field.error(DECLINED));
        } else if (i % 3 == 0) {
            b = Event.builder(CACHE_MISS).message("cache miss").fields(Field.of("key", "k" + i));
        } else {
            b = Event.builder(ORDER_CREATED).message("Order created")
                    .fields(Field.of("order_id", "o-" + i), Field.of("items", i % 7), Field.of("rush", i % 2 == 0));
        }
        if (i % 4 == 1) {
            b.trace(TRACE_A, "00f067aa0ba902b7");
        } else if (i % 4 == 2) {
            b.trace(TRACE_B, "b7ad6b7169203331");
        }
        return b.thread(i % 2 == 0 ? "http-1" : "http-2").sequence(seq).timestamp(start.plusMillis(i)).build();
    }

    /** The decompressed lines of a snapshot, header first, each without its newline. */
    public static List<String> rawLines(Path file) {
        byte[] content = SnapshotTesting.decompress(file);
        return JsonLines.lines(new String(content, StandardCharsets.UTF_8));
    }
}
