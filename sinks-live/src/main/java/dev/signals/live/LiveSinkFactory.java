package dev.signals.live;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;
import dev.signals.sinks.snapshot.SnapshotSink;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.io.UncheckedIOException;

/**
 * Type {@code live}: a {@link LiveSink}. Options (see {@code docs/live.md}):
 *
 * <pre>{@code
 * "live": { "type": "live",
 *           "port": 0,                  // 0: any free port (the URL is in LIVE_STARTED)
 *           "bind": "127.0.0.1",        // another address needs a token
 *           "token": "…",               // every request must carry it
 *           "buffer": "timeline",       // a time-travel sink: history and resume
 *           "snapshots": "snapshots",   // a snapshot sink: list, download, take
 *           "maxSubscribers": 16, "subscriberQueue": 10000 }
 * }</pre>
 *
 * The figures served are those of {@link dev.signals.router.Router#global()}, the router
 * behind {@code Signals}.
 */
public final class LiveSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "live";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        LiveOptions.Builder b = LiveOptions.builder().name(settings.name())
                .port(settings.intValue("port", 0, 0, 65_535))
                .bind(settings.string("bind", LiveOptions.DEFAULT_BIND))
                .token(settings.string("token", null))
                .maxSubscribers(settings.intValue("maxSubscribers", LiveOptions.DEFAULT_MAX_SUBSCRIBERS, 1,
                        LiveOptions.MAX_SUBSCRIBERS))
                .subscriberQueue(settings.intValue("subscriberQueue", LiveOptions.DEFAULT_SUBSCRIBER_QUEUE, 1,
                        LiveOptions.MAX_SUBSCRIBER_QUEUE));
        if (settings.has("buffer")) {
            Sink buffer = settings.sink("buffer");
            if (!(buffer instanceof TimeTravelSink)) {
                throw settings.invalid("buffer", "sink '" + settings.string("buffer", "") + "' is not of type 'time-travel'");
            }
            b.buffer((TimeTravelSink) buffer);
        }
        if (settings.has("snapshots")) {
            Sink snapshots = settings.sink("snapshots");
            if (!(snapshots instanceof SnapshotSink)) {
                throw settings.invalid("snapshots", "sink '" + settings.string("snapshots", "") + "' is not of type 'snapshot'");
            }
            b.snapshots((SnapshotSink) snapshots);
        }
        try {
            return new LiveSink(b.build());
        } catch (IllegalArgumentException e) { // an unknown host, or a non-loopback address without a token
            throw settings.invalid("bind", e.getMessage());
        } catch (UncheckedIOException e) {
            throw settings.invalid("port", e.getMessage());
        }
    }
}
