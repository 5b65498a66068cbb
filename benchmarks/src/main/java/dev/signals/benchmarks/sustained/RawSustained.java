package dev.signals.benchmarks.sustained;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The raw limit: no framework, each thread writes the same line straight to one file with
 * jackson-core under one lock — a {@code JsonGenerator} over a 64 KiB
 * {@code BufferedOutputStream}, the time as RFC 3339 UTC with microseconds (the date and time of
 * day formatted once a second), a {@code seq} counter, the same keys in the same order as
 * Signals' Event JSON. Nothing is queued: the producer formats and writes. Stopping flushes and
 * closes the file.
 *
 * <p>{@code java -cp benchmarks.jar dev.signals.benchmarks.sustained.RawSustained THREADS EVENTS_PER_THREAD FILE}
 */
public final class RawSustained implements Framework {

    private static final String SEVERITY = "INFO";

    private final Object lock = new Object();
    private JsonGenerator json;
    private long seq;
    /** The second {@link #time} was formatted for. */
    private long second = Long.MIN_VALUE;
    /** {@code yyyy-MM-ddTHH:mm:ss.} of {@link #second}, then room for the micros and {@code Z}. */
    private final char[] time = new char[27];

    public static void main(String[] args) throws Exception {
        if (!"async".equals(SustainedRun.variant(args, "RawSustained THREADS EVENTS_PER_THREAD FILE"))) {
            throw new IllegalArgumentException("the raw writer has no variants");
        }
        SustainedRun.run(args, new RawSustained());
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void start(Path file) throws IOException {
        json = new JsonFactory().createGenerator(new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 16));
        json.setRootValueSeparator(null); // each line ends with the newline written after it, no space before the next
    }

    @Override
    public void emit(OrderLine order, int i) {
        String thread = Thread.currentThread().getName();
        synchronized (lock) {
            try {
                json.writeStartObject();
                json.writeFieldName("time");
                json.writeString(time(Instant.now()), 0, time.length);
                json.writeNumberField("seq", ++seq);
                json.writeStringField("signal", OrderLine.SIGNAL);
                json.writeStringField("severity", SEVERITY);
                json.writeStringField("message", OrderLine.MESSAGE);
                json.writeStringField("thread", thread);
                json.writeStringField(OrderLine.ORDER_ID, order.orderId);
                json.writeNumberField(OrderLine.ITEMS, OrderLine.items(i));
                json.writeNumberField(OrderLine.AMOUNT, order.amount);
                json.writeBooleanField(OrderLine.GIFT, order.gift);
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code now} as {@code yyyy-MM-ddTHH:mm:ss.uuuuuuZ} in {@link #time}; called under the lock. */
    private char[] time(Instant now) {
        if (now.getEpochSecond() != second) {
            second = now.getEpochSecond();
            String text = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString(); // yyyy-MM-ddTHH:mm[:ss]
            String seconds = text.length() == 16 ? text + ":00" : text;
            seconds.getChars(0, 19, time, 0);
            time[19] = '.';
            time[26] = 'Z';
        }
        int micros = now.getNano() / 1000;
        for (int p = 25; p >= 20; p--) {
            time[p] = (char) ('0' + micros % 10);
            micros /= 10;
        }
        return time;
    }

    @Override
    public void settle() {
        // Nothing is queued: every line was handed to the buffer by the call that made it.
    }

    @Override
    public void stop() throws IOException {
        json.close(); // flushes the generator and closes the stream
    }
}
