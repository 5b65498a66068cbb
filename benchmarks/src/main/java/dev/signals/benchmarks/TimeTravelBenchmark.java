package dev.signals.benchmarks;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.delivery.SinkStats;
import dev.signals.sinks.snapshot.SnapshotOptions;
import dev.signals.sinks.snapshot.SnapshotSink;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The cost of keeping every event in the time-travel buffer, at one and two threads:
 *
 * <ul>
 *   <li>{@code emitTimeTravel}: {@code Signals.emit} of a DEBUG signal through the global
 *       router, whose only route sends it to a {@code time-travel} sink: building the event
 *       (clock, sequence, thread context) plus dispatch plus the ring write. What an
 *       application pays per event for the buffer.</li>
 *   <li>{@code emitKeepLast}: the same emit to a sink that only keeps the last event (a
 *       field store): the floor of building and dispatching an event that a sink retains, so
 *       that {@code emitTimeTravel - emitKeepLast} is what the buffer adds.</li>
 *   <li>{@code bufferAccept}: the ring write alone, with an event built once.</li>
 *   <li>{@code emitDisabled}: {@code Signals.emit} of a signal routed nowhere: the price of a
 *       log statement that is switched off (no event is built).</li>
 * </ul>
 *
 * Both buffers are watched by a snapshot sink triggered by ERROR, as in production: each
 * event is also tested for a trigger (which would freeze the ring).
 *
 * <p>Run with {@code -prof gc} to see bytes allocated per operation ({@code gc.alloc.rate.norm}):
 * the buffer itself allocates nothing, so {@code emitTimeTravel} allocates only the event.
 * See {@code docs/performance.md} for the command and the figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TimeTravelBenchmark {

    static final Signal BENCH_EVENT = Signal.of("BENCH_EVENT", Severity.DEBUG);
    static final Signal BENCH_UNROUTED = Signal.of("BENCH_UNROUTED", Severity.DEBUG);
    static final Signal BENCH_BASELINE = Signal.of("BENCH_BASELINE", Severity.DEBUG);

    /** Where the baseline sink keeps the last event: retained, like an event in the ring. */
    static Event lastEvent;

    /** The buffer as in production: watched by a snapshot sink, so every event is tested for a trigger. */
    static String config(Path snapshots) {
        return "{\"sinks\": {\"timeline\": {\"type\": \"time-travel\", \"capacity\": 100000},"
                + " \"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"triggers\": [\"ERROR\"],"
                + " \"directory\": \"" + snapshots.toString().replace("\\", "\\\\") + "\"}},"
                + " \"routes\": [{\"signals\": [\"BENCH_EVENT\"], \"sinks\": [\"timeline\"]}]}";
    }

    private TimeTravelSink ring;
    private SnapshotSink ringSnapshots;
    private Event prebuilt;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path snapshots = Files.createTempDirectory("signals-bench-snapshots");
        // Replaces the built-in default: nothing but the buffer is routed, and only BENCH_EVENT.
        Router.global().configure(config(snapshots), "benchmark.json");
        Router.global().route(BENCH_BASELINE.name(), e -> lastEvent = e);
        if (!Signals.isRouted(BENCH_EVENT) || Signals.isRouted(BENCH_UNROUTED)) {
            throw new IllegalStateException("the benchmark routes are not in force");
        }
        ring = new TimeTravelSink(100_000);
        ringSnapshots = new SnapshotSink(ring, SnapshotOptions.builder(snapshots).triggers("ERROR").build());
        prebuilt = Event.builder(BENCH_EVENT).message("cache miss").build();
    }

    @TearDown(Level.Trial)
    public void report() {
        ringSnapshots.close();
        // Count what arrived: every emitted event must have reached the buffer.
        SinkStats timeline = Router.global().stats().sink("timeline");
        System.out.println();
        System.out.println("timeline: routed " + timeline.routed() + ", delivered " + timeline.delivered()
                + ", dropped " + timeline.droppedTotal() + ", failures " + timeline.failures()
                + "; direct ring received " + ring.received());
        if (timeline.delivered() != timeline.routed() || timeline.droppedTotal() != 0) {
            throw new IllegalStateException("events were lost: " + timeline);
        }
    }

    @Benchmark
    @Threads(1)
    public void emitTimeTravel_1thread() {
        Signals.emit(BENCH_EVENT, "cache miss");
    }

    @Benchmark
    @Threads(2)
    public void emitTimeTravel_2threads() {
        Signals.emit(BENCH_EVENT, "cache miss");
    }

    @Benchmark
    @Threads(1)
    public void emitKeepLast_1thread() {
        Signals.emit(BENCH_BASELINE, "cache miss");
    }

    @Benchmark
    @Threads(2)
    public void emitKeepLast_2threads() {
        Signals.emit(BENCH_BASELINE, "cache miss");
    }

    @Benchmark
    @Threads(1)
    public void bufferAccept_1thread() {
        ring.accept(prebuilt);
    }

    @Benchmark
    @Threads(2)
    public void bufferAccept_2threads() {
        ring.accept(prebuilt);
    }

    @Benchmark
    @Threads(1)
    public void emitDisabled_1thread() {
        Signals.emit(BENCH_UNROUTED, "cache miss");
    }

    @Benchmark
    @Threads(2)
    public void emitDisabled_2threads() {
        Signals.emit(BENCH_UNROUTED, "cache miss");
    }
}
