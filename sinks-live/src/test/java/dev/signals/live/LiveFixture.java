package dev.signals.live;

import dev.signals.Event;
import dev.signals.router.Router;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts live sinks from config on {@link Router#global()} (each test class has a JVM of its
 * own) and finds their URL in the {@code LIVE_STARTED} event they emit.
 */
final class LiveFixture {

    private static final List<Event> STARTED = new CopyOnWriteArrayList<>();

    static {
        Router.global().route(LiveSignals.LIVE_STARTED.name(), STARTED::add);
    }

    private LiveFixture() {
    }

    /**
     * Applies a config (redacting {@code email}) with a time-travel buffer {@code timeline} (capacity {@code capacity}),
     * a snapshot sink {@code snapshots} writing to {@code snapshotDir}, and a live sink
     * {@code live} with {@code liveOptions} (JSON members, may be empty) fed by a route of
     * every signal at or above {@code minSeverity}; returns the live sink's URL.
     */
    static URI start(Path snapshotDir, int capacity, String liveOptions, String minSeverity) {
        int before = STARTED.size();
        String json = "{\"redact\": [\"email\"], \"sinks\": {"
                + "\"timeline\": {\"type\": \"time-travel\", \"capacity\": " + capacity + "},"
                + "\"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"cooldownMs\": 0,"
                + "  \"directory\": \"" + snapshotDir.toString().replace("\\", "\\\\") + "\"},"
                + "\"live\": {\"type\": \"live\", \"buffer\": \"timeline\", \"snapshots\": \"snapshots\""
                + (liveOptions.isEmpty() ? "" : ", " + liveOptions) + "}},"
                + "\"routes\": ["
                + "  {\"signals\": [\"*\"], \"sinks\": [\"timeline\", \"snapshots\"]},"
                + "  {\"signals\": [\"*\"], \"minSeverity\": \"" + minSeverity + "\", \"sinks\": [\"live\"]}]}";
        Router.global().configure(json, "live-test");
        if (STARTED.size() != before + 1) {
            throw new AssertionError("expected one LIVE_STARTED, got " + STARTED.subList(before, STARTED.size()));
        }
        return URI.create(STARTED.get(before).field("url").stringValue());
    }
}
