package dev.signals.benchmarks;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.sinks.jfr.JfrSink;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the {@code jfr} sink per event, with an event built once (four fields and a trace):
 *
 * <ul>
 *   <li>{@code noRecording}: no Flight Recorder recording is running: one check, nothing built
 *       (run with {@code -prof gc}: 0 B/op).</li>
 *   <li>{@code recording}: a recording with the event type enabled (to disk, bounded to 64 MB):
 *       the JFR event, the event's JSON line, and the commit.</li>
 * </ul>
 *
 * <p>Each mode runs in its own fork: a recording started in one benchmark would otherwise stay
 * enabled for the next.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JfrSinkBenchmark {

    static final Signal BENCH_JFR = Signal.of("BENCH_JFR", Severity.INFO);

    /** The sink and an event to give it. */
    @State(Scope.Benchmark)
    public static class Idle {
        final JfrSink sink = new JfrSink();
        final Event event = Event.builder(BENCH_JFR).message("order paid")
                .trace("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331")
                .fields(Field.of("order_id", "o-42"), Field.of("amount", 42.5), Field.of("items", 3), Field.of("express", true))
                .build();
    }

    /** The same with a recording running; the tear-down counts what the sink committed. */
    @State(Scope.Benchmark)
    public static class Recorded extends Idle {
        private Recording recording;

        @Setup(Level.Trial)
        public void start() {
            recording = new Recording();
            recording.enable(sink.eventName());
            recording.setToDisk(true);
            recording.setMaxSize(64L << 20);
            recording.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            recording.close();
            System.out.println();
            System.out.println("jfr sink: committed " + sink.recorded() + " events");
            if (sink.recorded() == 0) {
                throw new IllegalStateException("the recording received nothing");
            }
        }
    }

    @Benchmark
    public void noRecording(Idle state) {
        state.sink.accept(state.event);
    }

    @Benchmark
    public void recording(Recorded state) {
        state.sink.accept(state.event);
    }
}
