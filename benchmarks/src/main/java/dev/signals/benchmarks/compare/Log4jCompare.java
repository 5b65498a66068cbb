package dev.signals.benchmarks.compare;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.apache.logging.log4j.message.MapMessage;
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

/**
 * Log4j 2 at its fastest in the comparison scenarios ({@code docs/performance.md}): all
 * loggers asynchronous through the LMAX Disruptor (3.4.4; the {@code AsyncLoggerContextSelector}
 * is set per benchmark below), garbage-free settings ({@code log4j2.enableThreadlocals},
 * {@code log4j2.enableDirectEncoders}), a {@code RandomAccessFile} appender and
 * {@code JsonTemplateLayout} ({@code log4j2-bench-*.xml}, {@code log4j2-bench-*.json}).
 *
 * <p>The five fields reach Log4j in one of two ways, and each scenario uses the one that was
 * faster there (measured side by side on this machine, see {@code docs/performance.md}):
 * <ul>
 *   <li>{@code map}: a {@code MapMessage} with a {@code "message"} entry, which the template's
 *       {@code map} resolver flattens into the line ({@code log4j2-bench-map.json}) — Log4j's
 *       structured-logging message, keys at the call site like Signals' {@code Field.of}. Much the
 *       faster for the asynchronous file; allocates the message and its map.</li>
 *   <li>{@code params}: a parameterised message whose parameters the JSON template names
 *       ({@code messageParameter} resolvers, {@code log4j2-bench-params.json}); the long and the
 *       double are boxed by the call, as in any application (Log4j's {@code Unbox.box} would
 *       avoid that but writes numbers as strings, which is not the same output). Faster when the
 *       level is off (nothing but the boxes is built) and, by a little, for the synchronous
 *       file. The template knows the keys, so it only fits this one statement.</li>
 * </ul>
 * The environment variable {@code SIGNALS_BENCH_LOG4J_MESSAGE=map} (or {@code params}) forces
 * one way everywhere, to measure the other.
 *
 * <p>The disabled case is {@code logger.debug(...)} with the root logger at INFO. The
 * synchronous case uses synchronous loggers with {@code immediateFlush} on (Log4j's default):
 * each line reaches the OS before the call returns, as with Signals' synchronous file sink.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class Log4jCompare {

    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";
    static final String THREADLOCALS = "-Dlog4j2.enableThreadlocals=true";
    static final String DIRECT_ENCODERS = "-Dlog4j2.enableDirectEncoders=true";
    static final String ALL_ASYNC = "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";
    static final String ASYNC_CONFIG = "-Dlog4j2.configurationFile=log4j2-bench-async.xml";
    static final String SYNC_CONFIG = "-Dlog4j2.configurationFile=log4j2-bench-sync.xml";

    private static final String FORCED_STYLE = System.getenv("SIGNALS_BENCH_LOG4J_MESSAGE");
    /** Per scenario, whether the fields go in a {@code MapMessage} (else a parameterised message). */
    static final boolean DISABLED_MAP = "map".equals(FORCED_STYLE);
    static final boolean ASYNC_MAP = FORCED_STYLE == null || "map".equals(FORCED_STYLE);
    static final boolean SYNC_MAP = "map".equals(FORCED_STYLE);

    static void log(Logger logger, org.apache.logging.log4j.Level level, boolean map, Order o) {
        if (map) {
            logger.log(level, new MapMessage<>(8)
                    .with("message", Order.MESSAGE)
                    .with(Order.USER, o.user)
                    .with(Order.REGION, o.region)
                    .with(Order.ORDER_ID, o.orderId)
                    .with(Order.AMOUNT, o.amount)
                    .with(Order.GIFT, o.gift));
        } else {
            logger.log(level, Order.MESSAGE, o.user, o.region, o.orderId, o.amount, o.gift);
        }
    }

    /** Configures Log4j (for the first time in this fork) to write to {@code file}. */
    static Logger configure(Path file, boolean map) {
        System.setProperty("bench.log4j.file", file.toAbsolutePath().toString());
        System.setProperty("bench.log4j.template", map ? "log4j2-bench-map.json" : "log4j2-bench-params.json");
        return LogManager.getLogger("ORDER_PLACED");
    }

    @State(Scope.Benchmark)
    public static class Disabled {
        Logger logger;

        @Setup(Level.Trial)
        public void setUp() {
            logger = configure(Output.dir().resolve("log4j-disabled-never-written.jsonl"), DISABLED_MAP);
            if (logger.isDebugEnabled() || !logger.isInfoEnabled()) {
                throw new IllegalStateException("the benchmark configuration is not in force");
            }
        }
    }

    @State(Scope.Benchmark)
    public static class AsyncFile extends FileScenario {
        Logger logger;
        private RingBufferAdmin ringBuffer;

        @Override
        protected String framework() {
            return "log4j";
        }

        @Override
        protected void start(Path file) {
            logger = configure(file, ASYNC_MAP);
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            if (!(context instanceof AsyncLoggerContext)) {
                throw new IllegalStateException("Log4j's loggers are not all asynchronous: " + context.getClass());
            }
            ringBuffer = ((AsyncLoggerContext) context).createRingBufferAdmin();
        }

        @Override
        protected void drain() {
            // The Disruptor's consumer has handled (and, at the end of the batch, flushed) every event.
            while (ringBuffer.getRemainingCapacity() < ringBuffer.getBufferSize()) {
                LockSupport.parkNanos(100_000);
            }
        }

        @Override
        protected void stop() {
            LogManager.shutdown();
        }
    }

    @State(Scope.Benchmark)
    public static class SyncFile extends FileScenario {
        Logger logger;

        @Override
        protected String framework() {
            return "log4j";
        }

        @Override
        protected void start(Path file) {
            logger = configure(file, SYNC_MAP);
            if (LogManager.getContext(false) instanceof AsyncLoggerContext) {
                throw new IllegalStateException("Log4j's loggers are asynchronous in the synchronous scenario");
            }
        }

        @Override
        protected void drain() {
            // immediateFlush: every line was handed to the OS before its call returned.
        }

        @Override
        protected void stop() {
            LogManager.shutdown();
        }
    }

    // ------------------------------------------------------------------ 1. disabled

    @Benchmark
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = {HEAP_MIN, HEAP_MAX, THREADLOCALS, DIRECT_ENCODERS, ALL_ASYNC, ASYNC_CONFIG})
    public void disabled_1thread(Disabled state, Order o) {
        log(state.logger, org.apache.logging.log4j.Level.DEBUG, DISABLED_MAP, o);
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = {HEAP_MIN, HEAP_MAX, THREADLOCALS, DIRECT_ENCODERS, ALL_ASYNC, ASYNC_CONFIG})
    public void disabled_2threads(Disabled state, Order o) {
        log(state.logger, org.apache.logging.log4j.Level.DEBUG, DISABLED_MAP, o);
    }

    // ------------------------------------------------------------------ 3. asynchronous file

    @Benchmark
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = {HEAP_MIN, HEAP_MAX, THREADLOCALS, DIRECT_ENCODERS, ALL_ASYNC, ASYNC_CONFIG})
    public void asyncFile_1thread(AsyncFile file, Order o) {
        log(file.logger, org.apache.logging.log4j.Level.INFO, ASYNC_MAP, o);
        o.calls++;
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = {HEAP_MIN, HEAP_MAX, THREADLOCALS, DIRECT_ENCODERS, ALL_ASYNC, ASYNC_CONFIG})
    public void asyncFile_2threads(AsyncFile file, Order o) {
        log(file.logger, org.apache.logging.log4j.Level.INFO, ASYNC_MAP, o);
        o.calls++;
    }

    // ------------------------------------------------------------------ 4. synchronous file

    @Benchmark
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = {HEAP_MIN, HEAP_MAX, THREADLOCALS, DIRECT_ENCODERS, SYNC_CONFIG})
    public void syncFile_1thread(SyncFile file, Order o) {
        log(file.logger, org.apache.logging.log4j.Level.INFO, SYNC_MAP, o);
        o.calls++;
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = {HEAP_MIN, HEAP_MAX, THREADLOCALS, DIRECT_ENCODERS, SYNC_CONFIG})
    public void syncFile_2threads(SyncFile file, Order o) {
        log(file.logger, org.apache.logging.log4j.Level.INFO, SYNC_MAP, o);
        o.calls++;
    }
}
