package dev.signals.benchmarks;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.live.LiveOptions;
import dev.signals.live.LiveSink;
import dev.signals.router.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What a {@code live} sink costs the emitting thread per event ({@code LiveSink.accept}, the
 * event built once), with 0, 1 and 10 clients of its event stream connected over real HTTP,
 * whose filters match nothing ({@code signal=NO_SUCH_SIGNAL}) or everything. The clients read
 * and discard what they receive on threads of their own; one that falls behind loses events,
 * which costs the emitter nothing more. See {@code docs/performance.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LiveSinkBenchmark {

    static final Signal BENCH_LIVE = Signal.of("BENCH_LIVE", Severity.INFO);

    @Param({"0", "1", "10"})
    int subscribers;

    @Param({"nothing", "everything"})
    String match;

    LiveSink sink;
    Router router;
    Event event;
    final List<InputStream> streams = new ArrayList<>();

    @Setup
    public void start() throws Exception {
        router = new Router();
        sink = new LiveSink(LiveOptions.builder().router(router).maxSubscribers(Math.max(1, subscribers)).build());
        event = Event.builder(BENCH_LIVE).message("order placed")
                .fields(Field.of("order_id", 1001L), Field.of("region", "eu")).build();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = sink.url().resolve(match.equals("nothing") ? "/api/events?signal=NO_SUCH_SIGNAL" : "/api/events");
        for (int i = 0; i < subscribers; i++) {
            InputStream body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream()).body();
            streams.add(body);
            Thread reader = new Thread(() -> drain(body), "bench-client-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        if (sink.subscribers() != subscribers) {
            throw new IllegalStateException(sink.subscribers() + " clients connected, " + subscribers + " wanted");
        }
    }

    private static void drain(InputStream body) {
        byte[] buf = new byte[64 * 1_024];
        try {
            while (body.read(buf) >= 0) {
                // Discarded: the client only keeps up as well as it can.
            }
        } catch (IOException closed) {
            // The benchmark ended.
        }
    }

    @Benchmark
    public void accept() {
        sink.accept(event);
    }

    @TearDown
    public void stop() throws IOException {
        System.out.println("\nlive clients lost " + sink.subscriberLosses() + " events by falling behind");
        sink.close();
        for (InputStream s : streams) {
            s.close();
        }
        router.close();
    }
}
