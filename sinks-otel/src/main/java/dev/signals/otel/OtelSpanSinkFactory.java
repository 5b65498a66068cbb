package dev.signals.otel;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;
import io.opentelemetry.api.trace.SpanKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes {@code otel-spans} sinks ({@link OtelSpanSink}) from config:
 *
 * <pre>{@code
 * "jaeger": {
 *   "type": "otel-spans",
 *   "spanEvents": true,               // events become events of their span
 *   "eventMinSeverity": "DEBUG",      // ... from this severity up (default TRACE)
 *   "maxEventsPerSpan": 128,          // at most this many per span
 *   "reservedForWarnings": 32,        // ... of which these only WARN and above may take
 *   "maxOpenPairs": 10000,            // starts waiting for their end, at most
 *   "rescue": true,                   // events of rescueMinSeverity rescue their trace (TraceRescue)
 *   "rescueMinSeverity": "ERROR",
 *   "pairs": {                        // span name -> how to make it from signals
 *     "service_call": {
 *       "start": "SERVICE_CALL_STARTED",
 *       "end": ["SERVICE_CALL_COMPLETED"],
 *       "failure": ["SERVICE_CALL_FAILED"],
 *       "correlate": "call_id",
 *       "kind": "CLIENT"              // INTERNAL (default), CLIENT, SERVER, PRODUCER, CONSUMER
 *     }
 *   }
 * }
 * }</pre>
 *
 * Spans and span events go to the OpenTelemetry that {@link OtelTracing} finds.
 */
public final class OtelSpanSinkFactory implements SinkFactory {

    private static final String[] KINDS = {"INTERNAL", "CLIENT", "SERVER", "PRODUCER", "CONSUMER"};

    @Override
    public String type() {
        return "otel-spans";
    }

    @Override
    public Sink create(SinkSettings settings) {
        boolean spanEvents = settings.bool("spanEvents", true);
        if (spanEvents && settings.has("async")) {
            // A span event can only be added while its span is open: a queue would deliver too late.
            throw settings.invalid("async", "otel-spans adds events to spans while they are open, so it must be "
                    + "delivered synchronously; remove \"async\" or set \"spanEvents\": false");
        }
        OtelSpanSink.Builder b = OtelSpanSink.builder()
                .spanEvents(spanEvents)
                .eventMinSeverity(settings.severity("eventMinSeverity", Severity.TRACE));
        int max = settings.intValue("maxEventsPerSpan", 128, 1, 100_000);
        int reserved = settings.intValue("reservedForWarnings", Math.min(32, max), 0, 100_000);
        if (reserved > max) {
            throw settings.invalid("reservedForWarnings", reserved + " is more than maxEventsPerSpan (" + max + ")");
        }
        b.maxEventsPerSpan(max, reserved);
        b.maxOpenPairs(settings.intValue("maxOpenPairs", 10_000, 1, 10_000_000));
        Severity rescueMin = settings.severity("rescueMinSeverity", Severity.ERROR);
        b.rescueMinSeverity(settings.bool("rescue", true) ? rescueMin : null);
        SinkSettings pairs = settings.object("pairs");
        if (pairs != null) {
            Map<String, String> owners = new HashMap<>();
            for (String name : pairs.keys()) {
                b.pair(pair(pairs, name, owners));
            }
        }
        return b.build();
    }

    private static SpanPair pair(SinkSettings pairs, String name, Map<String, String> owners) {
        SinkSettings p = pairs.object(name);
        if (name.isBlank()) {
            throw pairs.invalid(name, "a span name must not be blank");
        }
        String start = p.requiredString("start");
        List<String> ends = p.strings("end");
        List<String> failures = p.strings("failure");
        String correlate = p.requiredString("correlate");
        SpanKind kind = SpanKind.valueOf(p.choice("kind", "INTERNAL", KINDS));
        if (ends.isEmpty() && failures.isEmpty()) {
            throw p.invalid("end", "span pair '" + name + "' needs at least one end or failure signal");
        }
        claim(p, "start", start, name, owners);
        for (String s : ends) {
            claim(p, "end", s, name, owners);
        }
        for (String s : failures) {
            claim(p, "failure", s, name, owners);
        }
        try {
            return SpanPair.named(name).start(start).end(ends.toArray(new String[0]))
                    .failure(failures.toArray(new String[0])).correlate(correlate).kind(kind).build();
        } catch (IllegalArgumentException e) {
            throw p.invalid("start", e.getMessage());
        }
    }

    /** Refuses an invalid signal name, or one another role already has, at its own key. */
    private static void claim(SinkSettings p, String key, String signal, String pair, Map<String, String> owners) {
        if (!Signal.isValidName(signal)) {
            throw p.invalid(key, "invalid signal name '" + signal + "': use 1 to 128 characters of A-Z a-z 0-9 _ . -");
        }
        String before = owners.putIfAbsent(signal, pair + "." + key);
        if (before != null) {
            throw p.invalid(key, "signal " + signal + " is already used as " + before + "; a signal has one role in one pair");
        }
    }
}
