package dev.signals.router.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One figure a sink reports of itself through {@link OwnFigures}: a count that only grows (a
 * {@link Kind#COUNTER}) or a level now (a {@link Kind#GAUGE}), with labels that tell its series
 * apart (a drop reason). {@code Router.stats()} carries it in the sink's figures and the live
 * sink's {@code /metrics} gives it as {@code signals_NAME} ({@code signals_NAME_total} for a
 * counter), labelled with the sink's name and these labels.
 *
 * @param name lower case letters, digits and {@code _}, starting with a letter, prefixed with
 *     the sink's kind ({@code kafka_sent}); a counter's never ends in {@code _total}
 * @param kind a counter or a gauge
 * @param help one sentence saying what is counted, for {@code /metrics}
 * @param labels label names (as {@code name}, never {@code sink}) to values; sorted by name
 * @param value the figure now
 */
public record Figure(String name, Kind kind, String help, Map<String, String> labels, long value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** What a figure measures: how it adds up over sinks of one name and how it is exported. */
    public enum Kind {
        /** Grows only, over the life of the sink: summed over sinks of one name. */
        COUNTER,
        /** A level now (bytes held, records waiting): summed over sinks of one name too. */
        GAUGE
    }

    public Figure {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a figure's name is lower case letters, digits and '_': " + name);
        }
        if (Objects.requireNonNull(kind, "kind") == Kind.COUNTER && name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name does not end in _total (/metrics adds it): " + name);
        }
        Objects.requireNonNull(help, "help");
        TreeMap<String, String> sorted = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (!NAME.matcher(k).matches() || k.equals("sink")) {
                throw new IllegalArgumentException("a figure's label is named like a figure, and not 'sink': " + k);
            }
            sorted.put(k, Objects.requireNonNull(v, "label value"));
        });
        labels = Collections.unmodifiableMap(sorted);
    }

    /** A counter without labels. */
    public static Figure counter(String name, String help, long value) {
        return new Figure(name, Kind.COUNTER, help, Map.of(), value);
    }

    /** A gauge without labels. */
    public static Figure gauge(String name, String help, long value) {
        return new Figure(name, Kind.GAUGE, help, Map.of(), value);
    }

    /** This figure with one more label. */
    public Figure label(String labelName, String labelValue) {
        Map<String, String> more = new TreeMap<>(labels);
        more.put(labelName, labelValue);
        return new Figure(name, kind, help, more, value);
    }
}
