package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Scope;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Route;
import dev.signals.router.Router;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signals spans are OpenTelemetry spans, and relations hold whichever API opened the parent. */
class BridgeTest {

    private TestOtel otel;
    private final EventRecorder events = new EventRecorder();
    private Route route;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        otel = new TestOtel().install();
        route = Router.global().route("*", events);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        route.remove();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        otel.close();
        assertNull(Signals.currentTrace(), "the test left a trace on the thread");
        assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid(), "the test left an OTel span current");
        assertEquals(0, LiveSpans.INSTANCE.size(), "every bridged span ended");
    }

    @Test
    void nestedSpansAreExportedWithTheIdsEventsCarry() {
        String parentId;
        String childId;
        String traceId;
        try (Span parent = Signals.span("checkout", Field.of("order_id", "o-1"), Field.of("items", 3))) {
            parentId = parent.spanId();
            traceId = parent.traceId();
            Signals.info("in parent");
            try (Span child = Signals.span("charge_card")) {
                childId = child.spanId();
                assertEquals(parentId, child.parentSpanId());
                Signals.info("in child");
            }
        }
        SpanData parent = otel.span("checkout");
        SpanData child = otel.span("charge_card");
        assertEquals(traceId, parent.getTraceId());
        assertEquals(parentId, parent.getSpanId());
        assertFalse(parent.getParentSpanContext().isValid(), "a root span");
        assertEquals(childId, child.getSpanId());
        assertEquals(parentId, child.getParentSpanId());
        assertEquals(traceId, child.getTraceId());
        assertEquals("o-1", parent.getAttributes().get(AttributeKey.stringKey("order_id")));
        assertEquals(3L, parent.getAttributes().get(AttributeKey.longKey("items")));
        assertEquals(StatusCode.UNSET, parent.getStatus().getStatusCode());

        Event inParent = events.withMessage("in parent");
        Event inChild = events.withMessage("in child");
        assertEquals(parent.getTraceId(), inParent.traceId());
        assertEquals(parent.getSpanId(), inParent.spanId());
        assertEquals(child.getSpanId(), inChild.spanId());
        assertEquals(child.getTraceId(), inChild.traceId());
        Event started = events.events().stream().filter(e -> e.signal() == Span.STARTED).findFirst().orElseThrow();
        assertEquals(parent.getSpanId(), started.spanId(), "SPAN_STARTED carries the span's own ids");
    }

    @Test
    void aSpanHandedToAnotherThreadIsTheParentThere() throws Exception {
        String spanId;
        Future<?> done;
        try (Span request = Signals.span("request")) {
            spanId = request.spanId();
            done = pool.submit(Signals.wrap(() -> {
                Signals.info("on the worker");
                try (Span work = Signals.span("background_work")) {
                    otel.tracer().spanBuilder("otel_on_worker").startSpan().end();
                }
            }));
            done.get(10, TimeUnit.SECONDS);
        }
        assertEquals(spanId, otel.span("background_work").getParentSpanId());
        assertEquals(otel.span("background_work").getSpanId(), otel.span("otel_on_worker").getParentSpanId());
        assertEquals(spanId, events.withMessage("on the worker").spanId());
        assertFalse(pool.submit(() -> io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()).get(),
                "the worker's OpenTelemetry context is restored after the task");
    }

    @Test
    void aTraceparentHeaderMakesARemoteParent() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        try (Scope remote = Signals.continueTrace(header); Span server = Signals.span("handle_order")) {
            Signals.info("handling");
            assertTrue(server.traceparent().startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        }
        SpanData server = otel.span("handle_order");
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", server.getTraceId());
        assertEquals("00f067aa0ba902b7", server.getParentSpanId());
        assertTrue(server.getParentSpanContext().isRemote());
        assertEquals(server.getSpanId(), events.withMessage("handling").spanId());
    }

    @Test
    void openTelemetryCodeInsideAContinuedTraceIsAChildOfTheRemoteSpan() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        try (Scope remote = Signals.continueTrace(header)) {
            io.opentelemetry.api.trace.Span http = otel.tracer().spanBuilder("GET /orders").startSpan();
            http.end();
        }
        SpanData http = otel.span("GET /orders");
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", http.getTraceId());
        assertEquals("00f067aa0ba902b7", http.getParentSpanId());
        assertTrue(http.getParentSpanContext().isRemote());
    }

    @Test
    void aFailedSpanHasStatusErrorAndItsException() {
        try (Span span = Signals.span("charge_card")) {
            span.fail(new IllegalStateException("card declined"));
        }
        try (Span span = Signals.span("reserve_stock")) {
            span.fail("out of stock");
        }
        SpanData charge = otel.span("charge_card");
        assertEquals(StatusCode.ERROR, charge.getStatus().getStatusCode());
        assertEquals("java.lang.IllegalStateException: card declined", charge.getStatus().getDescription());
        EventData exception = charge.getEvents().get(0);
        assertEquals("exception", exception.getName());
        assertEquals("java.lang.IllegalStateException", exception.getAttributes().get(AttributeKey.stringKey("exception.type")));
        assertEquals("card declined", exception.getAttributes().get(AttributeKey.stringKey("exception.message")));
        SpanData reserve = otel.span("reserve_stock");
        assertEquals(StatusCode.ERROR, reserve.getStatus().getStatusCode());
        assertEquals("out of stock", reserve.getStatus().getDescription());
        assertTrue(reserve.getEvents().isEmpty());
    }

    @Test
    void openTelemetryCodeInsideASignalsSpanIsItsChild() {
        String signalsSpan;
        try (Span span = Signals.span("place_order")) {
            signalsSpan = span.spanId();
            assertEquals(signalsSpan, io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId());
            io.opentelemetry.api.trace.Span db = otel.tracer().spanBuilder("SELECT orders").startSpan();
            try (io.opentelemetry.context.Scope s = db.makeCurrent()) {
                Signals.info("inside the db span");
                try (Span nested = Signals.span("map_rows")) {
                    Signals.info("inside the nested signals span");
                }
                Signals.info("back in the db span");
            } finally {
                db.end();
            }
            Signals.info("back in the signals span");
        }
        SpanData db = otel.span("SELECT orders");
        assertEquals(signalsSpan, db.getParentSpanId());
        assertEquals(db.getSpanId(), otel.span("map_rows").getParentSpanId());
        assertEquals(db.getSpanId(), events.withMessage("inside the db span").spanId());
        assertEquals(otel.span("map_rows").getSpanId(), events.withMessage("inside the nested signals span").spanId());
        assertEquals(db.getSpanId(), events.withMessage("back in the db span").spanId());
        assertEquals(signalsSpan, events.withMessage("back in the signals span").spanId());
    }

    @Test
    void signalsEventsInsideAPlainOpenTelemetrySpanCarryItsIds() {
        io.opentelemetry.api.trace.Span http = otel.tracer().spanBuilder("GET /orders").startSpan();
        try (io.opentelemetry.context.Scope s = http.makeCurrent()) {
            SpanContext sc = http.getSpanContext();
            Signals.info("no signals span here");
            assertEquals(sc.getSpanId(), Signals.currentTrace().spanId());
            try (Span child = Signals.span("load_order")) {
                assertEquals(sc.getSpanId(), child.parentSpanId());
            }
        } finally {
            http.end();
        }
        Signals.info("after the otel span");
        SpanData parent = otel.span("GET /orders");
        Event inside = events.withMessage("no signals span here");
        assertEquals(parent.getTraceId(), inside.traceId());
        assertEquals(parent.getSpanId(), inside.spanId());
        assertEquals(parent.getSpanId(), otel.span("load_order").getParentSpanId());
        assertNull(events.withMessage("after the otel span").traceId());
    }

    @Test
    void closingOutOfOrderRestoresBothContexts() {
        Span outer = Signals.span("outer");
        Span inner = Signals.span("inner");
        outer.close();
        assertEquals(inner.spanId(), io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId());
        assertEquals(inner.spanId(), Signals.currentTrace().spanId());
        inner.close();
        assertNull(Signals.currentTrace());
        assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid());
        assertEquals(outer.spanId(), otel.span("inner").getParentSpanId());
        assertTrue(otel.span("outer").hasEnded());
    }

    @Test
    void aSpanClosedOnAnotherThreadIsExportedAndLeftBehindHere() throws Exception {
        Span async = Signals.span("async_job");
        pool.submit(async::close).get(10, TimeUnit.SECONDS);
        assertTrue(otel.span("async_job").hasEnded());
        Signals.info("after the job");
        assertNull(events.withMessage("after the job").spanId(), "the opening thread dropped the ended span");
        assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid());
    }

    @Test
    void withNoSdkSignalsKeepsItsOwnIds() {
        OtelTracing.install(OpenTelemetry.noop());
        try (Span span = Signals.span("unexported")) {
            assertTrue(span.traceId().matches("[0-9a-f]{32}"));
            assertNotEquals("00000000000000000000000000000000", span.traceId());
            assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid());
            assertSame(span.context(), Signals.currentTrace());
        }
        OtelTracing.uninstall();
        try (Span span = Signals.span("no global either")) {
            assertTrue(span.spanId().matches("[0-9a-f]{16}"));
        }
        assertTrue(otel.spans.getFinishedSpanItems().isEmpty());
    }

    @Test
    void wrappedWorkCarriesTheOpenTelemetryContextToo() throws Exception {
        io.opentelemetry.api.trace.Span http = otel.tracer().spanBuilder("GET /stock").startSpan();
        Runnable task;
        try (io.opentelemetry.context.Scope s = http.makeCurrent()) {
            task = Signals.wrap(() -> Signals.info("wrapped under the otel span"));
        } finally {
            http.end();
        }
        pool.submit(task).get(10, TimeUnit.SECONDS);
        assertEquals(http.getSpanContext().getSpanId(), events.withMessage("wrapped under the otel span").spanId());
        assertSame(Context.root(), pool.submit(Context::current).get());
    }
}
