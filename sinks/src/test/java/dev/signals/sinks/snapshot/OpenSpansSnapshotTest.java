package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Router;
import dev.signals.sinks.reader.SnapshotReader;
import dev.signals.sinks.testing.JsonLines;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot's header lists the spans open when it was taken, and the reader shows them. */
class OpenSpansSnapshotTest {

    private static Map<String, Object> span(Map<String, Object> header, String name) {
        Object list = header.get("open_spans");
        assertTrue(list instanceof List, "open_spans is a list: " + header);
        for (Object o : (List<?>) list) {
            Map<String, Object> s = JsonLines.obj(o);
            if (name.equals(s.get("name"))) {
                return s;
            }
        }
        throw new AssertionError("no open span " + name + " in " + header);
    }

    @Test
    void aSnapshotListsTheNestedSpansAnotherThreadSitsIn(@TempDir Path dir) throws Exception {
        Router.global().configure(SnapshotSinkTest.config(dir, ""), "spans.json");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Span[] spans = new Span[2];
        Thread worker = new Thread(() -> {
            try (Span outer = Signals.span("checkout"); Span inner = Signals.span("charge_card")) {
                spans[0] = outer;
                spans[1] = inner;
                inside.countDown();
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "checkout-worker");
        worker.start();
        try {
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            assertEquals(1, Signals.snapshot("stuck checkout"));
            Router.global().flush();
        } finally {
            leave.countDown();
            worker.join(10_000);
        }
        List<Path> files = snapshots(dir);
        assertEquals(1, files.size());
        Map<String, Object> header = lines(files.get(0)).get(0);
        Map<String, Object> outer = span(header, "checkout");
        Map<String, Object> inner = span(header, "charge_card");
        assertEquals(spans[0].spanId(), outer.get("span_id"));
        assertEquals(spans[0].traceId(), outer.get("trace_id"));
        assertNull(outer.get("parent_span_id"));
        assertEquals(spans[1].spanId(), inner.get("span_id"));
        assertEquals(outer.get("span_id"), inner.get("parent_span_id"), "the inner span names its parent");
        assertEquals(outer.get("trace_id"), inner.get("trace_id"));
        assertEquals("checkout-worker", inner.get("thread"));
        assertTrue(((BigDecimal) outer.get("elapsed_ms")).longValueExact() >= ((BigDecimal) inner.get("elapsed_ms")).longValueExact());
        assertTrue(String.valueOf(inner.get("start")).endsWith("Z"), "an RFC 3339 time like the header's others");
        assertEquals(BigDecimal.ZERO, header.get("open_spans_dropped"));

        // The reader gives them as the lines `signals snapshot stats` and `cat --pretty` print.
        String listed;
        try (SnapshotReader reader = SnapshotReader.open(files.get(0))) {
            listed = String.join("\n", reader.header().openSpanLines());
        }
        assertTrue(listed.contains("charge_card trace=" + spans[1].traceId() + " span=" + spans[1].spanId() + " parent="
                + spans[0].spanId() + " thread=checkout-worker"), listed);
        assertTrue(listed.contains("checkout trace=" + spans[0].traceId() + " span=" + spans[0].spanId() + " parent=-"), listed);

        // Ended spans leave the registry: a later snapshot no longer lists them.
        assertEquals(1, Signals.snapshot("after checkout"));
        Router.global().flush();
        for (Path f : snapshots(dir)) {
            if (f.getFileName().toString().endsWith("after_checkout.jsonl.lz4")) {
                String later = String.valueOf(lines(f).get(0).get("open_spans"));
                assertTrue(!later.contains(spans[1].spanId()), later);
            }
        }
    }

    @Test
    void theSnapshotOfAnUncaughtExceptionListsTheSpanItsThreadDiedIn(@TempDir Path dir) throws Exception {
        Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });
        SnapshotSink sink = new SnapshotSink(new TimeTravelSink(100), SnapshotOptions.builder(dir).onUncaughtException(true).build());
        String[] spanId = new String[1];
        try {
            Thread doomed = new Thread(() -> {
                Span span = Signals.span("nightly_import"); // never closed: the thread dies inside it
                spanId[0] = span.spanId();
                throw new IllegalStateException("disk full");
            }, "importer");
            doomed.start();
            doomed.join(10_000);
        } finally {
            sink.close();
            Thread.setDefaultUncaughtExceptionHandler(original);
        }
        List<Path> files = snapshots(dir);
        assertEquals(1, files.size());
        Map<String, Object> header = lines(files.get(0)).get(0);
        Map<String, Object> span = span(header, "nightly_import");
        assertNotNull(spanId[0]);
        assertEquals(spanId[0], span.get("span_id"));
        assertEquals("importer", span.get("thread"));
    }
}
