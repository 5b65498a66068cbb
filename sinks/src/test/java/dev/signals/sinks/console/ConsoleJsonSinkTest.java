package dev.signals.sinks.console;

import static dev.signals.sinks.testing.JsonLines.parseLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsoleJsonSinkTest {

    private static final Signal TICK = Signal.of("TICK");

    /** Records each write call, so a test can see that every line went out in one piece. */
    private static final class RecordingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> writes = new ArrayList<>();
        int flushes;

        @Override
        public synchronized void write(int b) {
            writes.add(1);
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.add(len);
            bytes.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            flushes++;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static Event tick(long seq, Field... fields) {
        return Event.builder(TICK).message("tick " + seq).sequence(seq).epochMicros(seq).thread("t").fields(fields).build();
    }

    @Test
    void eachEventIsOneLineWrittenInOneCall() throws Exception {
        RecordingStream out = new RecordingStream();
        ConsoleJsonSink sink = new ConsoleJsonSink(out);
        sink.accept(tick(1, Field.of("k", "multi\nline")));
        sink.accept(tick(2));
        List<String> lines = JsonLines.lines(out.text());
        assertEquals(2, lines.size());
        assertEquals("multi\nline", parseLine(lines.get(0) + "\n").get("k"));
        assertEquals("tick 2", parseLine(lines.get(1) + "\n").get("message"));
        assertEquals(List.of(lines.get(0).length() + 1, lines.get(1).length() + 1), out.writes);
    }

    @Test
    void flushFlushesAndCloseLeavesTheStreamOpen() throws Exception {
        RecordingStream out = new RecordingStream();
        ConsoleJsonSink sink = new ConsoleJsonSink(out);
        sink.flush();
        assertEquals(1, out.flushes);
        sink.close();
        assertEquals(2, out.flushes);
        sink.accept(tick(1)); // the stream was not closed
        assertEquals(1, JsonLines.lines(out.text()).size());
    }

    @Test
    void manyThreadsNeverInterleaveLines() throws Exception {
        RecordingStream out = new RecordingStream();
        ConsoleJsonSink sink = new ConsoleJsonSink(out);
        int threads = 8;
        int perThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        sink.accept(tick(base + i, Field.of("payload", "x".repeat(i % 300))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = JsonLines.lines(out.text());
        assertEquals(threads * perThread, lines.size());
        assertEquals(threads * perThread, out.writes.size());
        Set<Long> seqs = new HashSet<>();
        for (String line : lines) {
            Map<String, Object> object = parseLine(line + "\n");
            seqs.add(((BigDecimal) object.get("seq")).longValueExact());
        }
        assertEquals(threads * perThread, seqs.size());
    }

    @Test
    void aPrintStreamErrorIsReportedNotSwallowed() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("broken pipe");
            }
        };
        ConsoleJsonSink sink = new ConsoleJsonSink(new PrintStream(broken, true, StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> sink.accept(tick(1)));
        assertThrows(IOException.class, sink::flush);
    }

    @Test
    void aPlainStreamErrorPropagates() {
        ConsoleJsonSink sink = new ConsoleJsonSink(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        });
        IOException e = assertThrows(IOException.class, () -> sink.accept(tick(1)));
        assertEquals("disk full", e.getMessage());
    }

    @Test
    void anEventEmittedWhileEncodingIsWrittenWholeToo() throws Exception {
        RecordingStream out = new RecordingStream();
        ConsoleJsonSink sink = new ConsoleJsonSink(out);
        AtomicInteger calls = new AtomicInteger();
        Object chatty = new Object() {
            @Override
            public String toString() {
                // A value whose toString logs: the nested event reaches the same sink on the same thread.
                if (calls.getAndIncrement() == 0) {
                    try {
                        sink.accept(tick(99, Field.of("nested", true)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return "chatty";
            }
        };
        sink.accept(tick(1, Field.of("value", chatty)));
        List<String> lines = JsonLines.lines(out.text());
        assertEquals(2, lines.size());
        assertEquals(true, parseLine(lines.get(0) + "\n").get("nested"));
        assertEquals("chatty", parseLine(lines.get(1) + "\n").get("value"));
    }

    @Test
    void theDefaultStreamIsSystemOutAtConstruction() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ConsoleJsonSink sink;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            sink = new ConsoleJsonSink();
        } finally {
            System.setOut(original);
        }
        sink.accept(tick(5));
        String text = captured.toString(StandardCharsets.UTF_8);
        assertEquals("tick 5", parseLine(text).get("message"));
        assertFalse(text.isEmpty());
        assertTrue(text.startsWith("{\"time\":"));
    }
}
