package dev.signals.benchmarks.compare;

import static net.logstash.logback.argument.StructuredArguments.kv;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.composite.loggingevent.SequenceJsonProvider;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logback at its fastest in the comparison scenarios ({@code docs/performance.md}), configured
 * in code (below) so that each step is visible: {@code LogstashEncoder} from
 * logstash-logback-encoder with the fields as {@code StructuredArguments.kv(...)}, written at
 * top level; for the asynchronous case an {@code AsyncAppender} that never drops
 * ({@code neverBlock} off, so a full queue makes the caller wait, and {@code discardingThreshold}
 * 0 — by default it silently discards TRACE, DEBUG and INFO once the queue is 80% full) in front
 * of a {@code FileAppender} with a 256 KiB buffer and {@code immediateFlush} off.
 *
 * <p>Logback's appender offers no flush: lines stay in the file appender's buffer until it
 * fills. So the drain at the end of each iteration stops the {@code AsyncAppender} (its worker
 * writes everything queued, then stops and closes the file appender, flushing it) and puts a
 * fresh pair in its place, appending to the same file. The synchronous case writes through a
 * {@code FileAppender} with {@code immediateFlush} on (Logback's default): each line reaches the
 * OS before the call returns.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// signals-slf4j is on the class path too (Slf4jCompare): SLF4J must bind Logback here.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", Slf4jCompare.LOGBACK})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class LogbackCompare {

    static final int QUEUE = 65_536;

    static void info(Logger logger, Order o) {
        logger.info(Order.MESSAGE, kv(Order.USER, o.user), kv(Order.REGION, o.region), kv(Order.ORDER_ID, o.orderId),
                kv(Order.AMOUNT, o.amount), kv(Order.GIFT, o.gift));
    }

    public static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** Replaces whatever Logback configured by itself with {@code appender} on the root logger, at INFO. */
    public static Logger install(Appender<ILoggingEvent> appender) {
        ch.qos.logback.classic.Logger root = context().getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        if (appender != null) {
            root.addAppender(appender);
        }
        return LoggerFactory.getLogger("ORDER_PLACED");
    }

    /** The same keys as Signals' Event JSON where Logback has the item. */
    public static LogstashEncoder encoder() {
        LoggerContext context = context();
        LogstashFieldNames names = new LogstashFieldNames();
        names.setTimestamp("time");
        names.setVersion("[ignore]");
        names.setLevelValue("[ignore]");
        names.setLogger("signal");
        names.setLevel("severity");
        names.setThread("thread");
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setFieldNames(names);
        encoder.setTimestampPattern("[ISO_INSTANT]"); // UTC; the encoder's fast path
        encoder.setTimeZone("UTC");
        SequenceJsonProvider seq = new SequenceJsonProvider();
        seq.setFieldName("seq");
        encoder.addProvider(seq);
        encoder.start();
        return encoder;
    }

    /**
     * A {@code FileAppender} appending to {@code file} with a 256 KiB buffer and the
     * {@link #encoder()}; started.
     */
    public static FileAppender<ILoggingEvent> fileAppender(Path file, boolean immediateFlush) {
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context());
        appender.setName("file");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setImmediateFlush(immediateFlush);
        appender.setBufferSize(new FileSize(256 * 1024));
        appender.setEncoder(encoder());
        appender.start();
        return appender;
    }

    /**
     * An {@code AsyncAppender} at Logback's settings for losing nothing — queue {@value #QUEUE},
     * {@code neverBlock} off (a full queue makes the caller wait), {@code discardingThreshold} 0
     * (nothing discarded) — in front of a {@link #fileAppender} without {@code immediateFlush};
     * started. Its {@code stop()} waits for the worker to write everything queued
     * ({@code maxFlushTime} 0), then stops (flushes and closes) the file appender.
     */
    public static AsyncAppender asyncAppender(Path file) {
        AsyncAppender appender = new AsyncAppender();
        appender.setContext(context());
        appender.setName("async");
        appender.setQueueSize(QUEUE);
        appender.setDiscardingThreshold(0);
        appender.setNeverBlock(false);
        appender.setMaxFlushTime(0); // on stop, wait for the worker to write everything
        appender.addAppender(fileAppender(file, false));
        appender.start();
        return appender;
    }

    @State(Scope.Benchmark)
    public static class Disabled {
        Logger logger;

        @Setup(Level.Trial)
        public void setUp() {
            logger = install(fileAppender(Output.dir().resolve("logback-disabled-never-written.jsonl"), true));
            if (logger.isDebugEnabled() || !logger.isInfoEnabled()) {
                throw new IllegalStateException("the benchmark configuration is not in force");
            }
        }
    }

    @State(Scope.Benchmark)
    public static class AsyncFile extends FileScenario {
        Logger logger;
        private Path file;
        private AsyncAppender async;

        @Override
        protected String framework() {
            return "logback";
        }

        @Override
        protected void start(Path file) {
            this.file = file;
            this.async = asyncAppender(file);
            logger = install(async);
        }

        @Override
        protected void drain() {
            // Stopping writes everything queued and closes (flushes) the file; then a fresh pair.
            async.stop();
            async = asyncAppender(file);
            install(async);
        }

        @Override
        protected void stop() {
            async.stop();
            context().stop();
        }
    }

    @State(Scope.Benchmark)
    public static class SyncFile extends FileScenario {
        Logger logger;

        @Override
        protected String framework() {
            return "logback";
        }

        @Override
        protected void start(Path file) {
            logger = install(fileAppender(file, true));
        }

        @Override
        protected void drain() {
            // immediateFlush: every line was handed to the OS before its call returned.
        }

        @Override
        protected void stop() {
            context().stop();
        }
    }

    // ------------------------------------------------------------------ 1. disabled

    @Benchmark
    @Threads(1)
    public void disabled_1thread(Disabled state, Order o) {
        state.logger.debug(Order.MESSAGE, kv(Order.USER, o.user), kv(Order.REGION, o.region),
                kv(Order.ORDER_ID, o.orderId), kv(Order.AMOUNT, o.amount), kv(Order.GIFT, o.gift));
    }

    @Benchmark
    @Threads(2)
    public void disabled_2threads(Disabled state, Order o) {
        state.logger.debug(Order.MESSAGE, kv(Order.USER, o.user), kv(Order.REGION, o.region),
                kv(Order.ORDER_ID, o.orderId), kv(Order.AMOUNT, o.amount), kv(Order.GIFT, o.gift));
    }

    // ------------------------------------------------------------------ 3. asynchronous file

    @Benchmark
    @Threads(1)
    public void asyncFile_1thread(AsyncFile file, Order o) {
        info(file.logger, o);
        o.calls++;
    }

    @Benchmark
    @Threads(2)
    public void asyncFile_2threads(AsyncFile file, Order o) {
        info(file.logger, o);
        o.calls++;
    }

    // ------------------------------------------------------------------ 4. synchronous file

    @Benchmark
    @Threads(1)
    public void syncFile_1thread(SyncFile file, Order o) {
        info(file.logger, o);
        o.calls++;
    }

    @Benchmark
    @Threads(2)
    public void syncFile_2threads(SyncFile file, Order o) {
        info(file.logger, o);
        o.calls++;
    }
}
