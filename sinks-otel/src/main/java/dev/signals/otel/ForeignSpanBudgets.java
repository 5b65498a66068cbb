package dev.signals.otel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event budgets of spans opened through the OpenTelemetry API, which end without telling
 * Signals: kept for the most recently used spans only, so memory stays bounded.
 */
final class ForeignSpanBudgets {

    private static final int REMEMBERED = 1024;

    private final int max;
    private final int reservedForWarnings;
    private final LinkedHashMap<String, SpanEventBudget> bySpanId = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SpanEventBudget> eldest) {
            return size() > REMEMBERED;
        }
    };

    ForeignSpanBudgets(int max, int reservedForWarnings) {
        this.max = max;
        this.reservedForWarnings = reservedForWarnings;
    }

    synchronized SpanEventBudget of(String spanId) {
        return bySpanId.computeIfAbsent(spanId, id -> new SpanEventBudget(max, reservedForWarnings));
    }
}
