package dev.signals.benchmarks.compare;

import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signals in the four comparison scenarios ({@code docs/performance.md}), each at one and two
 * producer threads, each benchmark in a JMH fork of its own:
 *
 * <ul>
 *   <li>{@code disabled}: {@code Signals.emit} of a DEBUG signal while the only route takes
 *       INFO and above — the signal is routed nowhere.</li>
 *   <li>{@code timeTravel}: into a {@code time-travel} buffer of 100 000 events (Log4j 2 and
 *       Logback have no equivalent).</li>
 *   <li>{@code asyncFile}: to a {@code file} sink with {@code "async": {"queue": 65536,
 *       "overflow": "block"}} — a full queue makes the producer wait, nothing is dropped.</li>
 *   <li>{@code syncFile}: to a {@code file} sink without {@code async}: each line is written
 *       before {@code emit} returns.</li>
 * </ul>
 *
 * Routes come from a config document, as an application would write it; only the benchmark's
 * signal is routed, so the router's own signals never reach the file.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class SignalsCompare {

    static final Signal ORDER_PLACED = Signal.of("ORDER_PLACED", Severity.INFO);
    /** The same event at DEBUG, below the routes' INFO: the disabled case. */
    static final Signal ORDER_DEBUG = Signal.of("ORDER_DEBUG", Severity.DEBUG);

    /** The call every scenario makes: what application code writes. */
    static void emit(Signal signal, Order o) {
        Signals.emit(signal, Order.MESSAGE,
                Field.of(Order.USER, o.user),
                Field.of(Order.REGION, o.region),
                Field.of(Order.ORDER_ID, o.orderId),
                Field.of(Order.AMOUNT, o.amount),
                Field.of(Order.GIFT, o.gift));
    }

    static String quote(Path path) {
        return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Routes ORDER_* at INFO and above to a file nobody writes to here; ORDER_DEBUG is routed nowhere. */
    @State(Scope.Benchmark)
    public static class Disabled {
        @Setup(Level.Trial)
        public void setUp() {
            Path unused = Output.dir().resolve("signals-disabled-never-written.jsonl");
            Router.global().configure("{\"sinks\": {\"file\": {\"type\": \"file\", \"path\": " + quote(unused) + "}},"
                    + " \"routes\": [{\"signals\": [\"ORDER_*\"], \"minSeverity\": \"INFO\", \"sinks\": [\"file\"]}]}",
                    "benchmark.json");
            if (Signals.isRouted(ORDER_DEBUG) || !Signals.isRouted(ORDER_PLACED)) {
                throw new IllegalStateException("the benchmark routes are not in force");
            }
        }
    }

    /** The time-travel buffer, the only sink. */
    @State(Scope.Benchmark)
    public static class TimeTravel {
        @Setup(Level.Trial)
        public void setUp() {
            Router.global().configure("{\"sinks\": {\"timeline\": {\"type\": \"time-travel\", \"capacity\": 100000}},"
                    + " \"routes\": [{\"signals\": [\"ORDER_PLACED\"], \"sinks\": [\"timeline\"]}]}", "benchmark.json");
        }

        @TearDown(Level.Trial)
        public void check() {
            SinkStats s = Router.global().stats().sink("timeline");
            System.out.printf("%ntimeline: routed %d, delivered %d, dropped %d%n", s.routed(), s.delivered(),
                    s.droppedTotal());
            if (s.delivered() != s.routed() || s.droppedTotal() != 0) {
                throw new IllegalStateException("events were lost: " + s);
            }
        }
    }

    /** A {@code file} sink, asynchronous or not, through the global router. */
    public abstract static class SignalsFile extends FileScenario {
        abstract String async();

        @Override
        protected String framework() {
            return "signals";
        }

        @Override
        protected void start(Path file) {
            Router.global().configure("{\"sinks\": {\"file\": {\"type\": \"file\", \"path\": " + quote(file) + async()
                    + "}}, \"routes\": [{\"signals\": [\"ORDER_PLACED\"], \"sinks\": [\"file\"]}]}", "benchmark.json");
        }

        @Override
        protected void drain() {
            if (!Router.global().flush(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the file sink did not flush within 2 minutes");
            }
            SinkStats s = Router.global().stats().sink("file");
            if (s.delivered() != s.routed() || s.droppedTotal() != 0 || s.failures() != 0) {
                throw new IllegalStateException("the router lost events: " + s);
            }
        }

        @Override
        protected void stop() {
            Router.global().close(Duration.ofMinutes(1));
        }
    }

    @State(Scope.Benchmark)
    public static class AsyncFile extends SignalsFile {
        @Override
        String async() {
            return ", \"async\": {\"queue\": 65536, \"overflow\": \"block\"}";
        }
    }

    @State(Scope.Benchmark)
    public static class SyncFile extends SignalsFile {
        @Override
        String async() {
            return "";
        }
    }

    // ------------------------------------------------------------------ 1. disabled

    @Benchmark
    @Threads(1)
    public void disabled_1thread(Disabled routes, Order o) {
        emit(ORDER_DEBUG, o);
    }

    @Benchmark
    @Threads(2)
    public void disabled_2threads(Disabled routes, Order o) {
        emit(ORDER_DEBUG, o);
    }

    /**
     * An empty benchmark with the disabled case's arguments: what JMH itself costs per call
     * here, the floor under every figure in nanoseconds (the report prints it beside the
     * disabled case).
     */
    @Benchmark
    @Threads(1)
    public void harness_1thread(Disabled routes, Order o) {
    }

    @Benchmark
    @Threads(2)
    public void harness_2threads(Disabled routes, Order o) {
    }

    // ------------------------------------------------------------------ 2. time-travel buffer

    @Benchmark
    @Threads(1)
    public void timeTravel_1thread(TimeTravel routes, Order o) {
        emit(ORDER_PLACED, o);
    }

    @Benchmark
    @Threads(2)
    public void timeTravel_2threads(TimeTravel routes, Order o) {
        emit(ORDER_PLACED, o);
    }

    // ------------------------------------------------------------------ 3. asynchronous file

    @Benchmark
    @Threads(1)
    public void asyncFile_1thread(AsyncFile file, Order o) {
        emit(ORDER_PLACED, o);
        o.calls++;
    }

    @Benchmark
    @Threads(2)
    public void asyncFile_2threads(AsyncFile file, Order o) {
        emit(ORDER_PLACED, o);
        o.calls++;
    }

    // ------------------------------------------------------------------ 4. synchronous file

    @Benchmark
    @Threads(1)
    public void syncFile_1thread(SyncFile file, Order o) {
        emit(ORDER_PLACED, o);
        o.calls++;
    }

    @Benchmark
    @Threads(2)
    public void syncFile_2threads(SyncFile file, Order o) {
        emit(ORDER_PLACED, o);
        o.calls++;
    }
}
