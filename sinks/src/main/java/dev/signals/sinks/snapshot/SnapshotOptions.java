package dev.signals.sinks.snapshot;

import dev.signals.Severity;
import dev.signals.router.RoutePattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a {@link SnapshotSink} behaves: where it writes, what triggers it, and its storm
 * limits. The same options as the config keys of type {@code snapshot}. Immutable.
 *
 * <pre>{@code
 * SnapshotOptions options = SnapshotOptions.builder(Path.of("snapshots"))
 *         .triggers("ERROR", "FATAL", "PAYMENT_*")
 *         .cooldown(Duration.ofMinutes(1))
 *         .onUncaughtException(true)
 *         .build();
 * }</pre>
 */
public final class SnapshotOptions {

    /** {@code "directory"} when absent. */
    public static final Path DEFAULT_DIRECTORY = Path.of("snapshots");
    /** {@code "cooldownMs"} when absent: one snapshot per reason per minute. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(1);
    /** {@code "maxFiles"} when absent. */
    public static final int DEFAULT_MAX_FILES = 50;
    /** {@code "maxBytes"} when absent: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    /** {@code "maxSnapshotsPerMinute"} when absent: across all reasons. */
    public static final int DEFAULT_MAX_SNAPSHOTS_PER_MINUTE = 10;
    /** {@code "maxBytesPerMinute"} when absent: 128 MiB written per minute across all reasons. */
    public static final long DEFAULT_MAX_BYTES_PER_MINUTE = 128L << 20;

    private final Path directory;
    private final List<String> triggers;
    private final Severity triggerSeverity;
    private final Duration cooldown;
    private final int maxFiles;
    private final long maxBytes;
    private final int maxSnapshotsPerMinute;
    private final long maxBytesPerMinute;
    private final boolean onUncaughtException;
    private final boolean onShutdown;
    private final Duration interval;
    private final String service;
    private final LongSupplier nanoTime;

    private SnapshotOptions(Builder b) {
        this.directory = b.directory;
        this.triggers = List.copyOf(b.triggers);
        this.triggerSeverity = b.triggerSeverity;
        this.cooldown = b.cooldown;
        this.maxFiles = b.maxFiles;
        this.maxBytes = b.maxBytes;
        this.maxSnapshotsPerMinute = b.maxSnapshotsPerMinute;
        this.maxBytesPerMinute = b.maxBytesPerMinute;
        this.onUncaughtException = b.onUncaughtException;
        this.onShutdown = b.onShutdown;
        this.interval = b.interval;
        this.service = b.service;
        this.nanoTime = b.nanoTime;
    }

    /** Options writing to {@code directory}, with every other option at its default. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public Path directory() {
        return directory;
    }

    /** Signal names or patterns whose events trigger a snapshot. */
    public List<String> triggers() {
        return triggers;
    }

    /** The severity from which every event triggers a snapshot, or {@code null} for none. */
    public Severity triggerSeverity() {
        return triggerSeverity;
    }

    public Duration cooldown() {
        return cooldown;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** At most this many snapshots start in any minute, whatever their reasons. */
    public int maxSnapshotsPerMinute() {
        return maxSnapshotsPerMinute;
    }

    /** No snapshot starts while the snapshots written in the last minute total this many bytes. */
    public long maxBytesPerMinute() {
        return maxBytesPerMinute;
    }

    public boolean onUncaughtException() {
        return onUncaughtException;
    }

    public boolean onShutdown() {
        return onShutdown;
    }

    /** The period of periodic snapshots; zero for none. */
    public Duration interval() {
        return interval;
    }

    /** The configured service name, or {@code null} to take it from the environment. */
    public String service() {
        return service;
    }

    LongSupplier nanoTime() {
        return nanoTime;
    }

    /** Builds {@link SnapshotOptions}; every setter checks its argument at once. */
    public static final class Builder {
        private final Path directory;
        private final List<String> triggers = new ArrayList<>();
        private Severity triggerSeverity;
        private Duration cooldown = DEFAULT_COOLDOWN;
        private int maxFiles = DEFAULT_MAX_FILES;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private int maxSnapshotsPerMinute = DEFAULT_MAX_SNAPSHOTS_PER_MINUTE;
        private long maxBytesPerMinute = DEFAULT_MAX_BYTES_PER_MINUTE;
        private boolean onUncaughtException;
        private boolean onShutdown;
        private Duration interval = Duration.ZERO;
        private String service;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /**
         * Adds trigger patterns: a signal name, a prefix ending in {@code *}, or {@code *}.
         *
         * @throws IllegalArgumentException for a malformed pattern
         */
        public Builder triggers(String... patterns) {
            for (String p : patterns) {
                RoutePattern.parse(p);
                triggers.add(p);
            }
            return this;
        }

        /** Every event at or above {@code severity} triggers a snapshot ({@code null}: none). */
        public Builder triggerSeverity(Severity severity) {
            this.triggerSeverity = severity;
            return this;
        }

        /** At most one snapshot per reason within {@code cooldown}; zero for no limit. */
        public Builder cooldown(Duration cooldown) {
            if (cooldown.isNegative()) {
                throw new IllegalArgumentException("cooldown must not be negative");
            }
            this.cooldown = cooldown;
            return this;
        }

        /** Keep at most {@code maxFiles} snapshot files in the directory (at least 1). */
        public Builder maxFiles(int maxFiles) {
            if (maxFiles < 1) {
                throw new IllegalArgumentException("maxFiles must be at least 1");
            }
            this.maxFiles = maxFiles;
            return this;
        }

        /** Keep at most {@code maxBytes} of snapshot files in the directory (the newest file is always kept). */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * The global budget across reasons: at most {@code snapshots} snapshots started, and no
         * new one once {@code bytes} were written, within any minute (signal triggers, requests
         * and uncaught exceptions; not shutdown or periodic snapshots).
         *
         * @throws IllegalArgumentException unless both are at least 1
         */
        public Builder budget(int snapshots, long bytes) {
            if (snapshots < 1 || bytes < 1) {
                throw new IllegalArgumentException("the snapshot budget must be at least 1 snapshot and 1 byte per minute");
            }
            this.maxSnapshotsPerMinute = snapshots;
            this.maxBytesPerMinute = bytes;
            return this;
        }

        /** Take a snapshot when a thread dies of an uncaught exception (chaining to the handler in place). */
        public Builder onUncaughtException(boolean on) {
            this.onUncaughtException = on;
            return this;
        }

        /** Take a snapshot when the JVM shuts down. */
        public Builder onShutdown(boolean on) {
            this.onShutdown = on;
            return this;
        }

        /** Take a snapshot every {@code interval}; zero for none. */
        public Builder interval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("interval must not be negative");
            }
            this.interval = interval;
            return this;
        }

        /** The service named in headers; {@code null} for {@code OTEL_SERVICE_NAME}, {@code SIGNALS_SERVICE} or "unknown". */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /** The clock of cool-downs and of the budget (tests). */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        public SnapshotOptions build() {
            return new SnapshotOptions(this);
        }
    }
}
