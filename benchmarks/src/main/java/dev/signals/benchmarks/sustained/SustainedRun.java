package dev.signals.benchmarks.sustained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one measurement in this JVM: {@code threads} producer threads each log
 * {@code eventsPerThread} events through a {@link Framework}, and the clock runs from the moment
 * they are let go until the framework has written, flushed and closed the file. Then (outside
 * the clock) the file is read back: it must hold exactly one well-formed line per event, the
 * warm-up's included.
 *
 * <p>Before the clock starts, the same threads log {@value #WARMUP_PROPERTY} events each (a
 * system property; 0 when absent) into the same file, and the framework is let settle: without
 * it, the first seconds of a fresh JVM (class loading, the JIT; Log4j 2 writes about a third of
 * its sustained rate in its first two seconds here) would weigh on the figure as much as the
 * run's length lets them.
 *
 * <p>Prints one tab-separated line, {@code RESULT framework threads events seconds lines/s lines
 * status}, which {@code benchmarks/sustained.sh} collects; the status is {@code OK} only when the
 * lines counted equal the events emitted, and the exit status is 1 otherwise.
 */
final class SustainedRun {

    static final String WARMUP_PROPERTY = "sustained.warmup";

    private SustainedRun() {
    }

    /** Parses {@code threads eventsPerThread file [variant]}; returns the variant ({@code async} when absent). */
    static String variant(String[] args, String usage) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: " + usage);
            System.exit(2);
        }
        return args.length == 4 ? args[3] : "async";
    }

    /** The name in the result line: the framework's alone for {@code async}, else with the variant. */
    static String name(String framework, String variant) {
        return "async".equals(variant) ? framework : framework + "-" + variant;
    }

    static void run(String[] args, Framework framework) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int eventsPerThread = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        Files.deleteIfExists(file);
        framework.start(file);

        int warmup = Integer.getInteger(WARMUP_PROPERTY, 0);
        if (warmup > 0) {
            produce(framework, threads, warmup);
            framework.settle();
        }
        long start = System.nanoTime();
        produce(framework, threads, eventsPerThread);
        framework.stop();
        double seconds = (System.nanoTime() - start) / 1e9;

        long events = (long) threads * eventsPerThread;
        long expected = (long) threads * (eventsPerThread + (long) warmup);
        LineCheck.Result check = LineCheck.check(file);
        String status = check.lines() == expected ? "OK" : check.lines() < expected ? "LOST" : "EXTRA";
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%d\t%d\t%.4f\t%.0f\t%d\t%s%n", framework.name(), threads, events,
                seconds, events / seconds, check.lines(), status);
        System.err.printf(Locale.ROOT, "%s: %d lines, %d sampled and parsed, %d bytes%n", framework.name(),
                check.lines(), check.sampled(), check.bytes());
        System.out.flush();
        // Frameworks may leave non-daemon threads behind (Logback's executor, say).
        System.exit("OK".equals(status) ? 0 : 1);
    }

    /** Logs {@code events} events from each of {@code threads} fresh threads, let go at once; returns when all are done. */
    private static void produce(Framework framework, int threads, int events) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] producers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            producers[t] = new Thread(() -> produce(framework, events, go), "producer-" + t);
            producers[t].start();
        }
        go.countDown();
        for (Thread producer : producers) {
            producer.join();
        }
    }

    private static void produce(Framework framework, int events, CountDownLatch go) {
        OrderLine order = new OrderLine();
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; i < events; i++) {
            framework.emit(order, i);
        }
    }
}
