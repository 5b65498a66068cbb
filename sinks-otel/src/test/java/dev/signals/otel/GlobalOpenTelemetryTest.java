package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Router;
import io.opentelemetry.api.GlobalOpenTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without an installed instance, Signals follows {@link GlobalOpenTelemetry} (as set by the
 * application or the Java agent), and never fixes it to a no-op by asking too early. Global
 * state: reset around each test (and surefire gives this class a JVM of its own).
 */
class GlobalOpenTelemetryTest {

    private TestOtel otel;

    @BeforeEach
    void reset() {
        GlobalOpenTelemetry.resetForTest();
        OtelTracing.uninstall();
        otel = new TestOtel();
    }

    @AfterEach
    void cleanUp() {
        otel.close();
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void spansBeforeTheSdkIsSetUpDoNotBlockSettingItLater() {
        try (Span early = Signals.span("before set-up")) {
            assertTrue(early.traceId().matches("[0-9a-f]{32}"));
        }
        assertFalse(GlobalOpenTelemetry.isSet(), "Signals did not fix the global instance to a no-op");
        assertNull(OtelTracing.openTelemetry());

        GlobalOpenTelemetry.set(otel.sdk);
        String spanId;
        try (Span later = Signals.span("after set-up")) {
            spanId = later.spanId();
        }
        assertEquals(spanId, otel.span("after set-up").getSpanId());
        assertTrue(otel.spans.getFinishedSpanItems().stream().noneMatch(s -> s.getName().equals("before set-up")));
    }

    @Test
    void anInstalledInstanceWinsOverTheGlobalOne() {
        GlobalOpenTelemetry.set(otel.sdk);
        try (TestOtel mine = new TestOtel().install()) {
            assertSame(mine.sdk, OtelTracing.openTelemetry());
            try (Span span = Signals.span("mine")) {
                assertEquals(span.spanId(), io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId());
            }
            assertEquals(1, mine.spans.getFinishedSpanItems().size());
        }
        assertTrue(otel.spans.getFinishedSpanItems().isEmpty());
    }

    @Test
    void configuredSinksFindTheGlobalInstance() {
        GlobalOpenTelemetry.set(otel.sdk);
        Router router = new Router();
        try {
            router.configure("{\"sinks\": {\"otel\": {\"type\": \"otel-logs\"}}, \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"otel\"]}]}",
                    "global.json");
            router.dispatch(dev.signals.Event.builder(dev.signals.Signal.INFO).message("via the global instance").build());
        } finally {
            router.close();
        }
        assertTrue(otel.logs.getFinishedLogRecordItems().stream()
                .anyMatch(r -> r.getBodyValue().asString().equals("via the global instance")));
    }
}
