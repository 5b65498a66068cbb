package dev.signals.benchmarks;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a signal name costs as the number of names grows, with {@code registered} names
 * declared (and held) before measuring:
 *
 * <ul>
 *   <li>{@code emitKnown}: {@code Signals.emit} of a signal declared once, routed by {@code *}
 *       to a sink that counts: the hot path, which must not depend on how many names exist.</li>
 *   <li>{@code dispatchKnown}: the router's part of that, for an event built once: the route
 *       table lookup and the sink, without the clock and thread context of building an event
 *       (steadier on a loaded machine).</li>
 *   <li>{@code isRoutedKnown}: the route table lookup alone, as {@code Signals.emit} makes it
 *       before building an event.</li>
 *   <li>{@code emitLastHeld}: the same for the last of the {@code registered} names: a name
 *       kept for good up to {@code Signal.NAME_LIMIT} names, one held only while referenced
 *       (and routed through the fixed-size cache) beyond it.</li>
 *   <li>{@code ofKnown}: {@code Signal.of} of a name already declared (a registry lookup).</li>
 *   <li>{@code emitNewName}: {@code Signal.of} of a name never seen before, then its emit: what
 *       a name built from data costs (registry, route resolution, caches). Flat across
 *       {@code registered} when a new name is O(1).</li>
 * </ul>
 *
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm} shows what each call allocates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignalNamesBenchmark {

    static final String KNOWN_NAME = "NAMES_KNOWN";
    static final Signal KNOWN = Signal.of(KNOWN_NAME);

    static final String EMPTY_CONFIG = "{\"sinks\": {}, \"routes\": []}";

    /** Events the counting sink received; the benchmark thread is the only writer. */
    static long counted;

    @Param({"1000", "10000", "100000", "1000000"})
    public int registered;

    /** The names declared before measuring, held so that none of them can be forgotten. */
    private final List<Signal> held = new ArrayList<>();
    private Signal lastHeld;
    private Event knownEvent;
    private long emitted;
    private long nextName;

    @Setup(Level.Trial)
    public void setUp() {
        // Replaces the built-in default (console, buffer): every signal goes to the counter only.
        Router.global().configure(EMPTY_CONFIG, "benchmark.json");
        Router.global().route("*", e -> counted++);
        for (int i = 0; i < registered; i++) {
            held.add(Signal.of("NAMES_HELD_" + i));
        }
        lastHeld = held.get(held.size() - 1);
        knownEvent = Event.builder(KNOWN).message("known").build();
    }

    @TearDown(Level.Trial)
    public void check() {
        System.out.println();
        System.out.println("emitted " + emitted + ", counted " + counted + ", new names " + nextName);
        if (counted != emitted) {
            throw new IllegalStateException("events were lost: emitted " + emitted + ", counted " + counted);
        }
    }

    @Benchmark
    public void emitKnown() {
        emitted++;
        Signals.emit(KNOWN, "known");
    }

    @Benchmark
    public void dispatchKnown() {
        emitted++;
        Router.global().dispatch(knownEvent);
    }

    @Benchmark
    public boolean isRoutedKnown() {
        return Signals.isRouted(KNOWN);
    }

    @Benchmark
    public void emitLastHeld() {
        emitted++;
        Signals.emit(lastHeld, "held");
    }

    @Benchmark
    public Signal ofKnown() {
        return Signal.of(KNOWN_NAME);
    }

    @Benchmark
    public void emitNewName() {
        emitted++;
        Signals.emit(Signal.of("NAMES_NEW_" + nextName++), "new");
    }
}
