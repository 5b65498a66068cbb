package dev.signals.benchmarks.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where the comparison writes: the log files of the file scenarios and {@code lines.tsv}, one
 * row per iteration with what was called and what arrived, which {@link Report} reads.
 *
 * <p>The directory comes from the environment variable {@value #DIR_VARIABLE} (set by
 * {@code benchmarks/compare.sh}), because JMH forks inherit the environment while a
 * command-line {@code -jvmArgsAppend} would replace the per-benchmark JVM options the Log4j
 * benchmarks need. Without it, a fresh temporary directory is used.
 */
final class Output {

    static final String DIR_VARIABLE = "SIGNALS_BENCH_DIR";
    static final String LINES_TSV = "lines.tsv";
    static final String TSV_HEADER = "benchmark\tthreads\titeration\tcalls\tlines\titeration_lines\tbytes\twindow_s\tdrain_ms\tstatus";

    private static Path dir;

    private Output() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                String configured = System.getenv(DIR_VARIABLE);
                dir = configured == null || configured.isBlank()
                        ? Files.createTempDirectory("signals-bench-")
                        : Files.createDirectories(Path.of(configured));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /**
     * Appends one iteration's figures to {@code lines.tsv}.
     *
     * @param benchmark the JMH benchmark name
     * @param iteration {@code warmup-N} or {@code measurement-N}
     * @param calls calls made since the trial began (every thread, warm-up included)
     * @param lines complete, checked lines in the file since the trial began
     * @param iterationLines lines this iteration added
     * @param bytes the file's size in complete lines
     * @param window seconds from the iteration's start until every line was written and flushed
     */
    static synchronized void record(String benchmark, int threads, String iteration, long calls, long lines,
                                    long iterationLines, long bytes, double window, double drainMillis, String status) {
        Path tsv = dir().resolve(LINES_TSV);
        String row = String.format(Locale.ROOT, "%s\t%d\t%s\t%d\t%d\t%d\t%d\t%.6f\t%.3f\t%s%n",
                benchmark, threads, iteration, calls, lines, iterationLines, bytes, window, drainMillis, status);
        try {
            if (!Files.exists(tsv)) {
                Files.writeString(tsv, TSV_HEADER + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            Files.writeString(tsv, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
