package dev.signals.kafka;

import dev.signals.Event;
import dev.signals.Sink;
import dev.signals.router.spi.Figure;
import dev.signals.router.spi.OwnFigures;
import dev.signals.router.spi.OwnThreads;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.json.SinkEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Sends events to a Kafka topic through a local spool, so that Kafka being away never holds
 * the application nor loses what it emitted.
 *
 * <p><b>The path of an event.</b> {@code accept} encodes the event as its Event JSON line
 * (the record's value, secrets and redaction as in every sink) and appends it to the spool, a
 * write-ahead log in a local directory; it never calls Kafka and never waits for it. A sender
 * thread of the sink's own reads the spool and hands each record to the official Kafka
 * producer, with the headers {@code signal}, {@code severity} and {@code event_id}; a record
 * Kafka acknowledges is marked in the spool, and a spool file whose records all are is deleted.
 * The spool's buffer goes to the spool's writer thread, which alone writes the files, when it
 * fills, when the sender has caught up, on {@link #flush()} (which waits for the write), and
 * every {@code fsync} interval, when the file is also forced to disk.
 *
 * <p><b>Guarantees.</b> At-least-once: a record the producer fails is sent again from the
 * spool, and a restart with the same spool directory sends again every record not yet
 * acknowledged, with the same {@code event_id} (the spool's id and the record's number in it),
 * so consumers can drop duplicates. A killed process loses what was buffered and not yet
 * written to the file; a machine that stops loses what was not yet forced to disk (at most
 * the last {@code fsync} interval). Records of one key go to one partition in order, as long as
 * no send fails; after a failure they are sent again from the first that failed.
 *
 * <p><b>Its own logging.</b> An event emitted on a kafka sink's threads (its sender, its
 * producer's network thread; this sink's or another kafka sink's) is not spooled: the sink
 * names those threads ({@link OwnThreads}), so the router counts such an event
 * {@code FEEDBACK} for it and still delivers it to every other sink routed to it.
 */
public final class KafkaSink implements Sink, OwnThreads, OwnFigures, AutoCloseable {

    /** Spool bytes when not configured: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    /** How often the spool is forced to disk when not configured. */
    public static final Duration DEFAULT_FSYNC = Duration.ofMillis(500);
    /** How long {@link #close()} lets the spool drain while Kafka acknowledges. */
    public static final Duration DEFAULT_CLOSE_DRAIN = Duration.ofSeconds(5);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String description;
    private final RecordKey key;
    private final OpenSpools.Shared shared;
    private final Figures figures;
    private final Spool spool;
    private final KafkaSender sender;
    private final ScheduledExecutorService syncer;
    private final Duration closeDrain;
    // Emitting threads encode in parallel, each on the encoder its thread id picks (a
    // ThreadLocal would keep this library's classes alive in pooled threads): only the copy into
    // the spool is one at a time.
    private final SinkEncoder[] encoders = {new SinkEncoder(), new SinkEncoder(), new SinkEncoder(), new SinkEncoder()};
    private final Map<String, byte[]> signalNames = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Set when this sink closed its spool: its figures at that moment, counts only. */
    private volatile List<Figure> finalFigures;

    private KafkaSink(Builder b) throws IOException {
        this.description = "kafka(" + b.topic + " at " + b.bootstrapServers + ")";
        this.key = new RecordKey(b.key);
        this.closeDrain = b.closeDrain;
        this.shared = OpenSpools.open(b.spoolDirectory, b.maxBytes, b.whenFull);
        this.spool = shared.spool;
        this.figures = shared.figures;
        int instance = INSTANCES.incrementAndGet();
        String threadName = KafkaThreads.PREFIX + b.name + "-" + instance;
        Map<String, Object> config = new HashMap<>(b.producer);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, threadName);
        // send() runs on the sender thread only, but a stop must not wait a minute for metadata.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        // Event JSON compresses several times over, and large batches keep up with a burst
        // that the spool took at disk speed.
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        this.sender = new KafkaSender(spool, b.topic, config, figures, threadName);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName + "-fsync");
            t.setDaemon(true);
            return t;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long every = b.fsync.toMillis();
        timer.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
        this.syncer = timer;
        OpenSpools.attach(shared, sender);
        sender.start();
    }

    /** A builder for a sink sending to {@code topic} on the brokers {@code bootstrapServers}. */
    public static Builder builder(String bootstrapServers, String topic) {
        return new Builder(bootstrapServers, topic);
    }

    /**
     * Appends the event to the spool; never waits for Kafka, and waits for the disk only when
     * the spool's writer has 1 MiB still to write. One that finds the spool full is counted
     * {@code SPOOL_FULL} (or makes room, under {@code dropOldest}); one whose spool file cannot
     * be written is counted {@code UNWRITABLE} by the writer.
     *
     * @throws IOException when a new spool file cannot be made; the event is not spooled
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public void accept(Event event) throws IOException {
        if (closed) {
            throw new IllegalStateException(description + " is closed");
        }
        byte[] recordKey = key.of(event);
        byte[] signal = signalNames.get(event.signal().name());
        if (signal == null) {
            signal = signalNames.computeIfAbsent(event.signal().name(), SpoolRecord::utf8);
        }
        SinkEncoder encoder = encoders[(int) Thread.currentThread().getId() & (encoders.length - 1)];
        synchronized (encoder) {
            EventJsonWriter w = encoder.writer();
            int length = w.encode(event);
            spool.append(signal, event.severity().ordinal(), recordKey, w.buffer(), length);
        }
    }

    /**
     * A kafka sink's threads, this one's or another's: its sender, which runs every producer
     * call, and its producer's network thread. What the Kafka client logs there must never be
     * spooled, or it would be sent through a Kafka client, which would log again.
     */
    @Override
    public boolean isOwnThread(String threadName) {
        return KafkaThreads.isKafkaSinkThread(threadName);
    }

    /** Writes what the spool buffers to its file, waiting for the spool's writer (Kafka is not waited for). */
    @Override
    public void flush() throws IOException {
        spool.flush();
    }

    private void sync() {
        try {
            spool.sync();
        } catch (IOException | RuntimeException e) {
            Trouble.report("cannot force the spool to disk: " + e);
        }
    }

    /**
     * Takes no more events, lets the spool drain while Kafka acknowledges (up to 5 s, and no
     * longer than a second without an acknowledgement), then stops the producer and closes the
     * spool: what was not acknowledged stays on disk for the next run. A sink replaced by a
     * config reload shares its spool with the new sink: it stops at once and leaves the spool
     * open to it.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean last = OpenSpools.detach(shared, sender);
        try {
            sender.stop(last ? closeDrain : Duration.ZERO, Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            syncer.shutdownNow();
            if (last) {
                try {
                    spool.close();
                } finally {
                    finalFigures = figures.snapshot(0, 0).asFigures();
                }
            }
        }
    }

    /** This sink's figures now (the spool's: shared with a sink that shares its spool). */
    public KafkaSinkStats stats() {
        return figures.snapshot(spool.bytes(), spool.unacknowledged());
    }

    /**
     * The spool's figures for {@code Router.stats()} and {@code /metrics}, reported by the sink
     * sending from it, so that a sink a reload replaced and its successor, added up by the
     * router, count each event once: a sink that another took over from reports none; the
     * spool's last sink, once closed, reports its final counts, and 0 for the spool's bytes and
     * records (what it left is the next run's, counted {@code replayed} there).
     */
    @Override
    public List<Figure> figures() {
        List<Figure> last = finalFigures;
        if (last != null) {
            return last;
        }
        if (closed || !OpenSpools.isSending(shared, sender)) {
            return List.of();
        }
        return stats().asFigures();
    }

    /** The topic and the brokers; never a producer property (they may hold credentials). */
    @Override
    public String toString() {
        return description;
    }

    /**
     * Checks producer properties as the Kafka producer would, without making one: unknown names
     * and values of the wrong type are refused.
     *
     * @throws IllegalArgumentException naming the property at fault, never quoting its value
     */
    static void checkProducerConfig(Map<String, Object> producer) {
        for (String name : producer.keySet()) {
            if (!ProducerConfig.configNames().contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a Kafka producer property");
            }
            if (name.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) || name.equals(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)
                    || name.equals(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
                throw new IllegalArgumentException("'" + name + "' is set by the sink itself");
            }
        }
        Map<String, Object> all = new HashMap<>(producer);
        all.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        all.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        all.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        try {
            ProducerConfig.configDef().parse(all);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage().replaceAll("Invalid value .*? for configuration", "invalid value for"));
        }
    }

    /** Options of a {@link KafkaSink}; every setter checks its argument at once. */
    public static final class Builder {
        private final String bootstrapServers;
        private final String topic;
        private String name = "kafka";
        private String key;
        private Map<String, Object> producer = Map.of();
        private Path spoolDirectory;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private Duration fsync = DEFAULT_FSYNC;
        private SpoolFull whenFull = SpoolFull.DROP_OLDEST;
        private Duration closeDrain = DEFAULT_CLOSE_DRAIN;

        private Builder(String bootstrapServers, String topic) {
            if (Objects.requireNonNull(bootstrapServers, "bootstrapServers").isBlank()) {
                throw new IllegalArgumentException("bootstrapServers must not be blank");
            }
            if (Objects.requireNonNull(topic, "topic").isBlank()) {
                throw new IllegalArgumentException("topic must not be blank");
            }
            this.bootstrapServers = bootstrapServers;
            this.topic = topic;
        }

        /** The sink's name, for its threads' names and the default spool directory. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The field whose value keys each record; by default ({@code null}) the trace id. */
        public Builder key(String field) {
            this.key = field;
            return this;
        }

        /** Kafka producer properties ({@code acks}, {@code compression.type}, …), checked at once. */
        public Builder producer(Map<String, ?> properties) {
            Map<String, Object> copy = Map.copyOf(properties);
            checkProducerConfig(copy);
            this.producer = copy;
            return this;
        }

        /** The spool's directory; by default {@code signals-spool/NAME} in the working directory. */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The most bytes the spool holds; 256 MiB by default, at least 128 KiB. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 128 * 1024) {
                throw new IllegalArgumentException("maxBytes must be at least 131072");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** How often the spool is forced to disk; 500 ms by default. */
        public Builder fsync(Duration every) {
            if (every.toMillis() < 1) {
                throw new IllegalArgumentException("fsync must be at least 1 ms");
            }
            this.fsync = every;
            return this;
        }

        /** What a full spool drops; the oldest by default. */
        public Builder whenFull(SpoolFull policy) {
            this.whenFull = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How long {@code close()} lets the spool drain while Kafka acknowledges; 5 s by default. */
        public Builder closeDrain(Duration drain) {
            if (drain.isNegative()) {
                throw new IllegalArgumentException("closeDrain must not be negative");
            }
            this.closeDrain = drain;
            return this;
        }

        /**
         * Opens the spool (sending again what an earlier run left in it) and starts the sender.
         * Never contacts Kafka: a broker that is away delays nothing.
         *
         * @throws IOException when the spool directory cannot be made, read, or is in use
         */
        public KafkaSink build() throws IOException {
            if (spoolDirectory == null) {
                spoolDirectory = Path.of("signals-spool", name);
            }
            return new KafkaSink(this);
        }
    }
}
