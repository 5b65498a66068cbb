package dev.signals.benchmarks;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link DispatchBenchmark#dispatch_1thread} timed by the thread's CPU time instead of the
 * wall clock: on a machine that other work shares, a thread taken off its core is not
 * charged for it, so two builds compared one after the other differ by what they cost, not by
 * the load of the moment. Prints the least and the median of 15 rounds of ten million calls,
 * after 5 rounds of warm-up. {@code names} signal names are declared first (after the one
 * dispatched), as in {@link SignalNamesBenchmark}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.signals.benchmarks.DispatchCpuTime [names]</pre>
 */
public final class DispatchCpuTime {

    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 15;
    private static final long CALLS = 10_000_000L;

    /** Where the sink puts each event (a plain store: a volatile one would add a fence of its own to every call). */
    static Event last;

    private DispatchCpuTime() {
    }

    public static void main(String[] args) {
        int names = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Router router = new Router();
        Signal routed = Signal.of("BENCH_DISPATCH", Severity.INFO);
        List<Signal> held = new ArrayList<>();
        for (int i = 0; i < names; i++) {
            held.add(Signal.of("BENCH_HELD_" + i));
        }
        long[] delivered = {0};
        router.route("BENCH_DISPATCH", e -> {
            last = e;
            delivered[0]++;
        });
        Event event = Event.builder(routed).message("order accepted").fields(Field.of("order_id", "A-10023")).build();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] perCall = new double[ROUNDS];
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (long i = 0; i < CALLS; i++) {
                router.dispatch(event);
            }
            if (round >= 0) {
                perCall[round] = (cpu.getCurrentThreadCpuTime() - start) / (double) CALLS;
            }
        }
        router.close();
        Arrays.sort(perCall);
        long calls = (WARMUP_ROUNDS + ROUNDS) * CALLS;
        if (delivered[0] != calls) {
            throw new IllegalStateException("delivered " + delivered[0] + " of " + calls);
        }
        System.out.printf("dispatch, %d names declared: least %.2f ns, median %.2f ns of CPU time per call (%d held)%n",
                names, perCall[0], perCall[ROUNDS / 2], held.size());
    }
}
