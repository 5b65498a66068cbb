package dev.signals.live;

import dev.signals.router.Router;
import dev.signals.sinks.snapshot.SnapshotSink;
import dev.signals.sinks.timetravel.TimeTravelSink;
import java.util.Objects;

/**
 * How a {@link LiveSink} serves: address, token, where history and snapshots come from, and
 * how many clients it holds. Made with {@link #builder()}; immutable.
 */
public final class LiveOptions {

    /** The address bound when none is given: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Clients of the event stream served at once when no limit is given. */
    public static final int DEFAULT_MAX_SUBSCRIBERS = 16;
    /** Events a client may fall behind by, when no size is given, before it loses its oldest. */
    public static final int DEFAULT_SUBSCRIBER_QUEUE = 10_000;
    /** The largest {@code maxSubscribers}. */
    public static final int MAX_SUBSCRIBERS = 1_024;
    /** The largest {@code subscriberQueue}. */
    public static final int MAX_SUBSCRIBER_QUEUE = 1 << 20;

    private final String name;
    private final int port;
    private final String bind;
    private final String token;
    private final TimeTravelSink buffer;
    private final SnapshotSink snapshots;
    private final int maxSubscribers;
    private final int subscriberQueue;
    private final Router router;

    private LiveOptions(Builder b) {
        this.name = b.name;
        this.port = b.port;
        this.bind = b.bind;
        this.token = b.token;
        this.buffer = b.buffer;
        this.snapshots = b.snapshots;
        this.maxSubscribers = b.maxSubscribers;
        this.subscriberQueue = b.subscriberQueue;
        this.router = b.router;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the sink names itself in {@code LIVE_STARTED} and its threads. */
    public String name() {
        return name;
    }

    /** The TCP port; 0 for any free one. */
    public int port() {
        return port;
    }

    /** The address to bind: a literal or a host name. */
    public String bind() {
        return bind;
    }

    /** The token every request must carry, or {@code null} for none. */
    public String token() {
        return token;
    }

    /** The time-travel buffer history is served from, or {@code null}. */
    public TimeTravelSink buffer() {
        return buffer;
    }

    /** The snapshot sink whose files are listed and which takes snapshots on request, or {@code null}. */
    public SnapshotSink snapshots() {
        return snapshots;
    }

    public int maxSubscribers() {
        return maxSubscribers;
    }

    public int subscriberQueue() {
        return subscriberQueue;
    }

    /** The router whose figures are served, or {@code null} for {@link Router#global()}. */
    public Router router() {
        return router;
    }

    /** Builds {@link LiveOptions}; every setting is optional. */
    public static final class Builder {
        private String name = "live";
        private int port;
        private String bind = DEFAULT_BIND;
        private String token;
        private TimeTravelSink buffer;
        private SnapshotSink snapshots;
        private int maxSubscribers = DEFAULT_MAX_SUBSCRIBERS;
        private int subscriberQueue = DEFAULT_SUBSCRIBER_QUEUE;
        private Router router;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @throws IllegalArgumentException outside 0..65535 */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder bind(String bind) {
            this.bind = Objects.requireNonNull(bind, "bind");
            return this;
        }

        /** A token every request must carry; {@code null} or blank for none. */
        public Builder token(String token) {
            this.token = token == null || token.isBlank() ? null : token;
            return this;
        }

        public Builder buffer(TimeTravelSink buffer) {
            this.buffer = buffer;
            return this;
        }

        public Builder snapshots(SnapshotSink snapshots) {
            this.snapshots = snapshots;
            return this;
        }

        /** @throws IllegalArgumentException outside 1..{@value #MAX_SUBSCRIBERS} */
        public Builder maxSubscribers(int max) {
            if (max < 1 || max > MAX_SUBSCRIBERS) {
                throw new IllegalArgumentException("maxSubscribers must be between 1 and " + MAX_SUBSCRIBERS + ", was " + max);
            }
            this.maxSubscribers = max;
            return this;
        }

        /** @throws IllegalArgumentException outside 1..{@value #MAX_SUBSCRIBER_QUEUE} */
        public Builder subscriberQueue(int events) {
            if (events < 1 || events > MAX_SUBSCRIBER_QUEUE) {
                throw new IllegalArgumentException(
                        "subscriberQueue must be between 1 and " + MAX_SUBSCRIBER_QUEUE + ", was " + events);
            }
            this.subscriberQueue = events;
            return this;
        }

        /** The router whose figures {@code /api/stats} and {@code /metrics} serve; {@link Router#global()} when unset. */
        public Builder router(Router router) {
            this.router = router;
            return this;
        }

        public LiveOptions build() {
            return new LiveOptions(this);
        }
    }
}
