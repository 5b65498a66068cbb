package dev.signals.otel;

import dev.signals.Signal;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a span is made from a pair of signals, for code that does not use the span API: a start
 * signal opens it, an end signal or a failure signal with the same value in the
 * {@link #correlate()} field closes it (a failure with status ERROR). Start and end times are
 * those of the events. Immutable.
 *
 * <pre>{@code
 * SpanPair call = SpanPair.named("service_call")
 *     .start("SERVICE_CALL_STARTED").end("SERVICE_CALL_COMPLETED").failure("SERVICE_CALL_FAILED")
 *     .correlate("call_id").kind(SpanKind.CLIENT).build();
 * }</pre>
 */
public final class SpanPair {

    private final String name;
    private final String start;
    private final Set<String> ends;
    private final Set<String> failures;
    private final String correlate;
    private final SpanKind kind;

    private SpanPair(Builder b) {
        this.name = b.name;
        this.start = b.start;
        this.ends = Collections.unmodifiableSet(new LinkedHashSet<>(b.ends));
        this.failures = Collections.unmodifiableSet(new LinkedHashSet<>(b.failures));
        this.correlate = b.correlate;
        this.kind = b.kind;
    }

    /** Starts describing a pair whose spans are named {@code spanName}. */
    public static Builder named(String spanName) {
        return new Builder(spanName);
    }

    /** The name of the spans made. */
    public String name() {
        return name;
    }

    /** The signal name that opens a span. */
    public String start() {
        return start;
    }

    /** The signal names that close a span successfully. */
    public Set<String> ends() {
        return ends;
    }

    /** The signal names that close a span with status ERROR. */
    public Set<String> failures() {
        return failures;
    }

    /** The field whose value ties an end to its start. */
    public String correlate() {
        return correlate;
    }

    /** The kind of the spans made. */
    public SpanKind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "SpanPair[" + name + ": " + start + " -> " + ends + " / " + failures + " by " + correlate + "]";
    }

    /** Builds a {@link SpanPair}; {@link #build()} checks it. */
    public static final class Builder {
        private final String name;
        private String start;
        private final Set<String> ends = new LinkedHashSet<>();
        private final Set<String> failures = new LinkedHashSet<>();
        private String correlate;
        private SpanKind kind = SpanKind.INTERNAL;

        private Builder(String name) {
            this.name = name;
        }

        /** The signal that opens a span. */
        public Builder start(String signal) {
            this.start = signal;
            return this;
        }

        /** Signals that close a span successfully (adds to those given before). */
        public Builder end(String... signals) {
            ends.addAll(Arrays.asList(signals));
            return this;
        }

        /** Signals that close a span with status ERROR (adds to those given before). */
        public Builder failure(String... signals) {
            failures.addAll(Arrays.asList(signals));
            return this;
        }

        /** The field whose value ties an end to its start, such as {@code call_id}. */
        public Builder correlate(String fieldKey) {
            this.correlate = fieldKey;
            return this;
        }

        /** The kind of the spans made (default {@link SpanKind#INTERNAL}). */
        public Builder kind(SpanKind spanKind) {
            this.kind = Objects.requireNonNull(spanKind, "kind");
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the fault: a blank name or key, an invalid
         *     signal name, no end and no failure signal, or one signal in two roles
         */
        public SpanPair build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a span pair needs a span name");
            }
            if (correlate == null || correlate.isBlank()) {
                throw new IllegalArgumentException("span pair '" + name + "' needs the field to correlate by");
            }
            checkSignal(start, "start");
            if (ends.isEmpty() && failures.isEmpty()) {
                throw new IllegalArgumentException("span pair '" + name + "' needs at least one end or failure signal");
            }
            for (String s : ends) {
                checkSignal(s, "end");
            }
            for (String s : failures) {
                checkSignal(s, "failure");
                if (ends.contains(s)) {
                    throw new IllegalArgumentException("signal " + s + " is both an end and a failure of span pair '" + name + "'");
                }
            }
            if (ends.contains(start) || failures.contains(start)) {
                throw new IllegalArgumentException("signal " + start + " both starts and ends span pair '" + name + "'");
            }
            return new SpanPair(this);
        }

        private void checkSignal(String signal, String role) {
            if (!Signal.isValidName(signal)) {
                throw new IllegalArgumentException("span pair '" + name + "' has an invalid " + role
                        + " signal name '" + signal + "': use 1 to 128 characters of A-Z a-z 0-9 _ . -");
            }
        }
    }
}
