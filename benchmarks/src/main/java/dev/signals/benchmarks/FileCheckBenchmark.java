package dev.signals.benchmarks;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.sinks.file.BufferedFileSink;
import dev.signals.sinks.file.FileSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The file sink's hot path, to see what its periodic check of the file (still at its path,
 * still a regular file) costs per line:
 *
 * <ul>
 *   <li>{@code syncAccept}: {@link FileSink#accept}, one write call per line.</li>
 *   <li>{@code bufferedAccept}: {@link BufferedFileSink#accept}, lines gathered in 64 KiB and
 *       written, plus a {@code flush()} every 256 lines as an async worker would.</li>
 * </ul>
 *
 * The event is built once; the line is encoded on every call. Files rotate at 64 MiB and
 * rotated files are deleted, so the disk does not fill. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 1s -r 1s FileCheckBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FileCheckBenchmark {

    static final Signal BENCH_FILE = Signal.of("BENCH_FILE", Severity.INFO);
    private static final long MAX_BYTES = 64L << 20;
    private static final int FLUSH_EVERY = 256;

    private Path dir;
    private FileSink sync;
    private BufferedFileSink buffered;
    private Event event;
    private int sinceFlush;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("signals-file-check");
        sync = FileSink.builder(dir.resolve("sync/app.jsonl")).maxBytes(MAX_BYTES).maxFiles(0).build();
        buffered = FileSink.builder(dir.resolve("buffered/app.jsonl")).maxBytes(MAX_BYTES).maxFiles(0)
                .buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES);
        event = Event.builder(BENCH_FILE).message("order accepted")
                .fields(Field.of("order_id", "A-10023"), Field.of("amount", 1299), Field.of("express", true))
                .build();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        sync.close();
        buffered.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public void syncAccept() throws IOException {
        sync.accept(event);
    }

    @Benchmark
    public void bufferedAccept() throws Exception {
        buffered.accept(event);
        if (++sinceFlush == FLUSH_EVERY) {
            sinceFlush = 0;
            buffered.flush();
        }
    }
}
