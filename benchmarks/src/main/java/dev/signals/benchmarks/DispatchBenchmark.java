package dev.signals.benchmarks;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the router itself costs per event, between the application's call and the sink: the
 * route lookup, the per-thread delivery stack, the count of dispatches in flight (which lets a
 * reload close retired sinks safely) and the channel, into a synchronous sink that only
 * consumes the event. {@code unrouted} is the disabled path. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar -prof gc DispatchBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DispatchBenchmark {

    static final Signal ROUTED = Signal.of("BENCH_DISPATCH", Severity.INFO);
    static final Signal UNROUTED = Signal.of("BENCH_UNROUTED", Severity.INFO);

    private Router router;
    private Event event;
    private Blackhole sinkHole;

    @Setup
    public void setUp(Blackhole blackhole) {
        sinkHole = blackhole;
        router = new Router();
        router.route("BENCH_DISPATCH", e -> sinkHole.consume(e));
        event = Event.builder(ROUTED).message("order accepted").fields(Field.of("order_id", "A-10023")).build();
    }

    @TearDown
    public void tearDown() {
        router.close();
    }

    @Benchmark
    public void dispatch_1thread() {
        router.dispatch(event);
    }

    @Benchmark
    @Threads(2)
    public void dispatch_2threads() {
        router.dispatch(event);
    }

    @Benchmark
    public boolean unrouted_1thread() {
        return router.isRouted(UNROUTED);
    }
}
