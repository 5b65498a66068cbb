package dev.signals.benchmarks.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A framework writing JSON lines to a file, and the bookkeeping that makes the file part of
 * the result.
 *
 * <p>Each iteration's tear-down (which JMH runs once every producer thread has stopped) first
 * has the framework write and flush everything it was given ({@link #drain}), then reads the
 * lines added to the file and checks them ({@link JsonLines}): there must be exactly one
 * well-formed line per call made ({@link Order#calls}, which counts every call, also those JMH
 * makes outside its measurement window, so it is never less than the operations JMH reports).
 * A framework that wrote fewer lines fails the benchmark at once.
 *
 * <p>It also records the iteration's <em>sustained</em> rate: the lines written divided by the
 * time from the iteration's start to the end of the drain. JMH's own score for an asynchronous
 * logger counts events handed to a queue; events still queued at the end of the iteration are
 * counted but not yet written. The sustained rate counts only what reached the file, drain time
 * included, and is what {@link Report} compares.
 */
@State(Scope.Benchmark)
public abstract class FileScenario {

    private Path file;
    private JsonLines lines;
    private long iterationStart;
    private int warmups;
    private int measurements;
    private boolean sampled;
    private boolean holesUnsupported;

    /** The framework's name in file names. */
    protected abstract String framework();

    /** Configures the framework to write to {@code file}. */
    protected abstract void start(Path file) throws Exception;

    /** Returns once every event logged so far is written to the file and flushed. */
    protected abstract void drain() throws Exception;

    /** Shuts the framework down (flushing and closing the file). */
    protected abstract void stop() throws Exception;

    @Setup(Level.Trial)
    public void startTrial(BenchmarkParams params) throws Exception {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        file = Output.dir().resolve(framework() + "-" + method + ".jsonl");
        Files.deleteIfExists(file);
        lines = new JsonLines(file);
        start(file);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void endIteration(BenchmarkParams benchmark, IterationParams iteration) throws Exception {
        long drainStart = System.nanoTime();
        drain();
        long drained = System.nanoTime();
        long calls = Order.totalCalls();
        long before = lines.lines();
        lines.readNew();
        // Safety net for a drain that returns a moment early (a queue found empty is not always a
        // line written): give missing lines 5 s more before they count as lost. The wait is not
        // part of the rate's window, so it can only flatter a framework that needed it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines.lines() < calls && System.nanoTime() < deadline) {
            Thread.sleep(10);
            lines.readNew();
        }
        String label = iteration.getType() == IterationType.WARMUP ? "warmup-" + (++warmups)
                : "measurement-" + (++measurements);
        long written = lines.lines() - before;
        String status = lines.lines() == calls ? "OK" : lines.lines() < calls ? "LOST" : "EXTRA";
        Output.record(benchmark.getBenchmark(), benchmark.getThreads(), label, calls, lines.lines(), written,
                lines.bytes(), (drained - iterationStart) / 1e9, (drained - drainStart) / 1e6, status);
        System.out.printf("%n%s: %d lines in the file for %d calls (%d this iteration, drain %.1f ms) %s%n",
                framework(), lines.lines(), calls, written, (drained - drainStart) / 1e6, status);
        if (!"OK".equals(status)) {
            throw new IllegalStateException(framework() + " wrote " + lines.lines() + " lines to " + file + " for "
                    + calls + " calls");
        }
        if (!sampled) {
            keepSample(file);
            sampled = true;
        }
        releaseChecked(file, lines.bytes());
    }

    /**
     * Frees the storage of the lines already checked (a hole punched with {@code fallocate}),
     * keeping the file's size, so that writers carry on where they were. Without it the file
     * grows by gigabytes per trial, and on this VM memory the guest touches for the first time
     * is several times slower to fill (measured with dd on /dev/shm: 1.9 GB/s for the first
     * 2 GB, 220 MB/s after): the framework that wrote most would be slowed the most. Skipped
     * (with a note) where {@code fallocate} is missing or the file system cannot punch holes.
     */
    private void releaseChecked(Path file, long checkedBytes) throws InterruptedException {
        long length = checkedBytes & ~4095L; // whole pages
        if (length == 0 || holesUnsupported) {
            return;
        }
        try {
            Process p = new ProcessBuilder("fallocate", "--punch-hole", "--offset", "0", "--length",
                    Long.toString(length), file.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                holesUnsupported = true;
                System.out.println("note: the file's written part is not released (" + output + ")");
            }
        } catch (IOException e) {
            holesUnsupported = true;
            System.out.println("note: the file's written part is not released (" + e.getMessage() + ")");
        }
    }

    @TearDown(Level.Trial)
    public void endTrial() throws Exception {
        try {
            stop();
        } finally {
            // The files are large (gigabytes for the asynchronous loggers) and already checked.
            deleteQuietly(file);
        }
    }

    /** Keeps the first lines as {@code <file>.sample}, to show what each framework writes (before any hole is punched). */
    private static void keepSample(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> sample = new ArrayList<>();
            for (String line; sample.size() < 2 && (line = in.readLine()) != null; ) {
                sample.add(line);
            }
            Files.write(file.resolveSibling(file.getFileName() + ".sample"), sample, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not keep a sample of " + file + ": " + e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not delete " + file + ": " + e);
        }
    }
}
