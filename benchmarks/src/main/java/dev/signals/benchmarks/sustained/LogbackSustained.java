package dev.signals.benchmarks.sustained;

import static net.logstash.logback.argument.StructuredArguments.kv;

import ch.qos.logback.classic.AsyncAppender;
import dev.signals.benchmarks.compare.LogbackCompare;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * Logback through SLF4J with logstash-logback-encoder's {@code LogstashEncoder} (keys renamed to
 * Signals' and a {@code seq} from its {@code SequenceJsonProvider}; the fields as
 * {@code StructuredArguments.kv}), set up as {@link LogbackCompare} does. Variants:
 * <ul>
 *   <li>{@code async} (default): an {@code AsyncAppender} at the settings that lose nothing —
 *       queue 65 536, {@code neverBlock} off, {@code discardingThreshold} 0 — in front of a
 *       {@code FileAppender} with a 256 KiB buffer and {@code immediateFlush} off;</li>
 *   <li>{@code sync}: the {@code FileAppender} alone, {@code immediateFlush} on (Logback's
 *       default): each line reaches the OS before the call returns;</li>
 *   <li>{@code sync-buffered}: the {@code FileAppender} alone, {@code immediateFlush} off.</li>
 * </ul>
 * Stopping stops the appender (for {@code async}: the worker writes everything queued, then the
 * file appender is flushed and closed) and the logger context.
 *
 * <p>{@code java -cp benchmarks.jar dev.signals.benchmarks.sustained.LogbackSustained THREADS EVENTS_PER_THREAD FILE [async|sync|sync-buffered]}
 */
public final class LogbackSustained implements Framework {

    private final String variant;
    private Logger logger;
    private AsyncAppender async;

    private LogbackSustained(String variant) {
        this.variant = variant;
    }

    public static void main(String[] args) throws Exception {
        String variant = SustainedRun.variant(args,
                "LogbackSustained THREADS EVENTS_PER_THREAD FILE [async|sync|sync-buffered]");
        // signals-slf4j is on the class path too: SLF4J must bind Logback here.
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        SustainedRun.run(args, new LogbackSustained(variant));
    }

    @Override
    public String name() {
        return SustainedRun.name("logback", variant);
    }

    @Override
    public void start(Path file) {
        switch (variant) {
            case "async" -> {
                async = LogbackCompare.asyncAppender(file);
                logger = LogbackCompare.install(async);
            }
            case "sync" -> logger = LogbackCompare.install(LogbackCompare.fileAppender(file, true));
            case "sync-buffered" -> logger = LogbackCompare.install(LogbackCompare.fileAppender(file, false));
            default -> throw new IllegalArgumentException("unknown variant: " + variant);
        }
        if (!logger.isInfoEnabled() || !(logger instanceof ch.qos.logback.classic.Logger)) {
            throw new IllegalStateException("the Logback configuration is not in force: " + logger.getClass());
        }
    }

    @Override
    public void emit(OrderLine order, int i) {
        logger.info(OrderLine.MESSAGE, kv(OrderLine.ORDER_ID, order.orderId), kv(OrderLine.ITEMS, OrderLine.items(i)),
                kv(OrderLine.AMOUNT, order.amount), kv(OrderLine.GIFT, order.gift));
    }

    @Override
    public void settle() {
        // The synchronous appender has written every line already; the asynchronous one's worker
        // has taken every event once its queue is empty.
        while (async != null && async.getNumberOfElementsInQueue() > 0) {
            LockSupport.parkNanos(100_000);
        }
    }

    @Override
    public void stop() {
        if (async != null) {
            async.stop();
        }
        LogbackCompare.context().stop();
    }
}
