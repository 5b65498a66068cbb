package dev.signals.benchmarks.sustained;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.apache.logging.log4j.message.MapMessage;

/**
 * Log4j 2 at its best documented settings for JSON to a file: a {@code RandomAccessFile}
 * appender and {@code JsonTemplateLayout} ({@code log4j2-sustained.xml}) with a {@code counter}
 * resolver for {@code seq} and the fields of a {@code MapMessage} flattened into the line
 * ({@code log4j2-bench-map.json}); the garbage-free settings {@code log4j2.enableThreadlocals}
 * and {@code log4j2.enableDirectEncoders}. Variants:
 * <ul>
 *   <li>{@code async} (default): all loggers asynchronous ({@code AsyncLoggerContextSelector},
 *       LMAX Disruptor 3.4.4, its default ring of 256 Ki slots and {@code Timeout} wait
 *       strategy), {@code immediateFlush} off: the appender flushes at the end of each batch the
 *       Disruptor hands over, as Log4j recommends for asynchronous loggers;</li>
 *   <li>{@code sync}: synchronous loggers, {@code immediateFlush} on (Log4j's default): each
 *       line reaches the OS before the call returns, as with Signals' synchronous sink;</li>
 *   <li>{@code sync-buffered}: synchronous loggers, {@code immediateFlush} off: lines wait in
 *       the appender's 256 KiB buffer, which a crash of the JVM loses.</li>
 * </ul>
 * Stopping is {@code LogManager.shutdown()}: the Disruptor is drained and the file flushed and
 * closed.
 *
 * <p>{@code java -cp benchmarks.jar dev.signals.benchmarks.sustained.Log4jSustained THREADS EVENTS_PER_THREAD FILE [async|sync|sync-buffered]}
 */
public final class Log4jSustained implements Framework {

    private final String variant;
    private Logger logger;
    /** The Disruptor's ring, when the loggers are asynchronous. */
    private RingBufferAdmin ring;

    private Log4jSustained(String variant) {
        this.variant = variant;
    }

    public static void main(String[] args) throws Exception {
        String variant = SustainedRun.variant(args,
                "Log4jSustained THREADS EVENTS_PER_THREAD FILE [async|sync|sync-buffered]");
        SustainedRun.run(args, new Log4jSustained(variant));
    }

    @Override
    public String name() {
        return SustainedRun.name("log4j2", variant);
    }

    @Override
    public void start(Path file) {
        // Read once, when Log4j first starts: nothing in this JVM has touched it yet.
        boolean async = "async".equals(variant);
        if (async) {
            System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
        } else if (!"sync".equals(variant) && !"sync-buffered".equals(variant)) {
            throw new IllegalArgumentException("unknown variant: " + variant);
        }
        System.setProperty("log4j2.enableThreadlocals", "true");
        System.setProperty("log4j2.enableDirectEncoders", "true");
        System.setProperty("log4j2.configurationFile", "log4j2-sustained.xml");
        System.setProperty("bench.log4j.file", file.toAbsolutePath().toString());
        System.setProperty("bench.log4j.immediateFlush", Boolean.toString("sync".equals(variant)));
        logger = LogManager.getLogger(OrderLine.SIGNAL);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        if (async != context instanceof AsyncLoggerContext || !logger.isInfoEnabled()) {
            throw new IllegalStateException("the Log4j configuration is not in force: " + context.getClass());
        }
        if (async) {
            ring = ((AsyncLoggerContext) context).createRingBufferAdmin();
        }
    }

    @Override
    public void emit(OrderLine order, int i) {
        logger.info(new MapMessage<>(8)
                .with("message", OrderLine.MESSAGE)
                .with(OrderLine.ORDER_ID, order.orderId)
                .with(OrderLine.ITEMS, OrderLine.items(i))
                .with(OrderLine.AMOUNT, order.amount)
                .with(OrderLine.GIFT, order.gift));
    }

    @Override
    public void settle() {
        // Synchronous loggers have written every line already; the Disruptor's consumer has
        // handled every event once its ring is empty.
        while (ring != null && ring.getRemainingCapacity() < ring.getBufferSize()) {
            LockSupport.parkNanos(100_000);
        }
    }

    @Override
    public void stop() {
        LogManager.shutdown();
    }
}
