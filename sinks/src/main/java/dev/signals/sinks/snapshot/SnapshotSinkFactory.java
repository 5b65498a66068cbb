package dev.signals.sinks.snapshot;

import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Type {@code snapshot}: a {@link SnapshotSink}. Options (see {@code docs/time-travel.md}):
 *
 * <pre>{@code
 * "snapshots": { "type": "snapshot",
 *                "buffer": "timeline",                 // required: a time-travel sink of this config
 *                "directory": "snapshots",             // default "snapshots"
 *                "triggers": ["ERROR", "PAYMENT_*"],   // signal names or patterns; default none
 *                "triggerSeverity": "ERROR",           // any event at or above; default none
 *                "cooldownMs": 60000,                  // per reason; 0 for none
 *                "maxFiles": 50, "maxBytes": 268435456,
 *                "maxSnapshotsPerMinute": 10,          // across all reasons
 *                "maxBytesPerMinute": 134217728,       // across all reasons
 *                "onUncaughtException": false, "onShutdown": false,
 *                "intervalMs": 0,                      // periodic snapshots; 0 for none
 *                "service": "orders" }                 // default the config's top-level "service",
 *                                                      // $OTEL_SERVICE_NAME, $SIGNALS_SERVICE, "unknown"
 * }</pre>
 *
 * The generic key {@code "minSeverity"} still means what it means for every sink (which events
 * reach it), which is why the trigger threshold has a key of its own.
 */
public final class SnapshotSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "snapshot";

    private static final Duration DAY = Duration.ofDays(1);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        if (settings.has("async")) {
            throw settings.invalid("async", "a snapshot sink is synchronous: it copies the buffer when the trigger"
                    + " event arrives (a queue would copy it late) and already writes files on a thread of its own");
        }
        if (!settings.has("buffer")) {
            throw settings.invalid("buffer", "required key 'buffer' is missing: name the time-travel sink to write out");
        }
        Sink buffer = settings.sink("buffer");
        if (!(buffer instanceof TimeTravelSink)) {
            throw settings.invalid("buffer", "sink '" + settings.string("buffer", "") + "' is not of type 'time-travel'");
        }
        Path directory = settings.path("directory", SnapshotOptions.DEFAULT_DIRECTORY);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw settings.invalid("directory", "'" + directory + "' exists and is not a directory");
        }
        SnapshotOptions.Builder b = SnapshotOptions.builder(directory);
        List<String> triggers = settings.strings("triggers");
        for (String t : triggers) {
            try {
                b.triggers(t);
            } catch (IllegalArgumentException e) {
                throw settings.invalid("triggers", e.getMessage());
            }
        }
        if (settings.has("triggerSeverity")) {
            b.triggerSeverity(settings.severity("triggerSeverity", null));
        }
        b.cooldown(settings.millis("cooldownMs", SnapshotOptions.DEFAULT_COOLDOWN, Duration.ZERO, DAY));
        b.maxFiles(settings.intValue("maxFiles", SnapshotOptions.DEFAULT_MAX_FILES, 1, 1_000_000));
        b.maxBytes(settings.longValue("maxBytes", SnapshotOptions.DEFAULT_MAX_BYTES, 1, Long.MAX_VALUE));
        b.budget(settings.intValue("maxSnapshotsPerMinute", SnapshotOptions.DEFAULT_MAX_SNAPSHOTS_PER_MINUTE, 1, 1_000_000),
                settings.longValue("maxBytesPerMinute", SnapshotOptions.DEFAULT_MAX_BYTES_PER_MINUTE, 1, Long.MAX_VALUE));
        b.onUncaughtException(settings.bool("onUncaughtException", false));
        b.onShutdown(settings.bool("onShutdown", false));
        Duration interval = settings.millis("intervalMs", Duration.ZERO, Duration.ZERO, DAY);
        if (!interval.isZero() && interval.toMillis() < 1_000) {
            throw settings.invalid("intervalMs", interval.toMillis() + " is too short: periodic snapshots need at least"
                    + " 1000 ms between them (0 turns them off)");
        }
        b.interval(interval);
        // The sink's own name for the service wins over the config's top-level one.
        b.service(settings.has("service") ? settings.string("service", null) : settings.service());
        return new SnapshotSink(settings.name(), (TimeTravelSink) buffer, b.build());
    }
}
