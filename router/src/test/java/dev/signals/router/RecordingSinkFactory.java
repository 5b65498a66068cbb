package dev.signals.router;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Sink type {@code test-recording} for config tests: {@code "id"} names the sink in
 * {@link #MADE}; {@code "fail"} makes the factory throw; {@code "ref"} names another sink.
 */
public class RecordingSinkFactory implements SinkFactory {

    static final Map<String, RecordingSink> MADE = new ConcurrentHashMap<>();
    static volatile Consumer<RecordingSink> onCreate = s -> { };

    @Override
    public String type() {
        return "test-recording";
    }

    @Override
    public Sink create(SinkSettings settings) {
        String id = settings.string("id", settings.name());
        if (settings.bool("fail", false)) {
            throw new IllegalStateException("told to fail");
        }
        settings.intValue("size", 1, 1, 100);
        settings.sink("ref");
        RecordingSink sink = new RecordingSink(id);
        MADE.put(id, sink);
        onCreate.accept(sink);
        return sink;
    }
}
