package dev.signals.sinks.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signals arrive in Flight Recorder as events with their fields, and cost nothing while no recording runs. */
class JfrSinkTest {

    private static final Signal ORDER_PAID = Signal.of("JFR_ORDER_PAID", Severity.INFO);
    private static final Signal CACHE_MISS = Signal.of("JFR_CACHE_MISS", Severity.DEBUG);

    @TempDir
    Path dir;

    private final Router router = new Router();

    @AfterEach
    void close() {
        router.close(Duration.ofSeconds(5));
    }

    private static Event orderPaid(String orderId) {
        return Event.builder(ORDER_PAID).message("paid " + orderId).thread("http-7").sequence(42)
                .timestamp(Instant.parse("2026-12-06T02:00:00.123456Z"))
                .trace("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331")
                .fields(Field.of("order_id", orderId), Field.of("amount", 42.5), Field.of("items", 3),
                        Field.of("express", true), Field.secret("card", "4111111111111111"))
                .build();
    }

    @Test
    void configuredSignalsArriveInARecordingStreamWithTheirFields() throws Exception {
        router.configure("{\"sinks\": {\"flight\": {\"type\": \"jfr\"}},"
                + " \"routes\": [{\"signals\": [\"JFR_*\"], \"sinks\": [\"flight\"]}]}", "signals.json");
        Map<String, Map<String, Object>> seen = new ConcurrentHashMap<>();
        CountDownLatch arrived = new CountDownLatch(3);
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable(SignalEvent.NAME);
            stream.onEvent(SignalEvent.NAME, e -> {
                // The stream reuses its event objects: keep the values, not the event.
                seen.put(e.getString("message"), Map.of("signal", e.getString("signal"), "severity", e.getString("severity"),
                        "thread", e.getString("thread"), "json", e.getString("json"), "sequence", e.getLong("sequence"),
                        "traceId", String.valueOf(e.getString("traceId")), "spanId", String.valueOf(e.getString("spanId")),
                        "emitted", e.getInstant("emitted")));
                arrived.countDown();
            });
            stream.startAsync();
            router.dispatch(orderPaid("o-1"));
            router.dispatch(orderPaid("o-2"));
            router.dispatch(Event.builder(CACHE_MISS).message("miss").fields(Field.of("key", "user:7")).build());
            assertTrue(arrived.await(60, TimeUnit.SECONDS), "the events reached the stream: " + seen.keySet());
        }
        Map<String, Object> paid = seen.get("paid o-1");
        assertEquals("JFR_ORDER_PAID", paid.get("signal"));
        assertEquals("INFO", paid.get("severity"));
        assertEquals("http-7", paid.get("thread"));
        assertEquals(42L, paid.get("sequence"));
        assertEquals("0af7651916cd43dd8448eb211c80319c", paid.get("traceId"));
        assertEquals("b7ad6b7169203331", paid.get("spanId"));
        assertEquals(Instant.parse("2026-12-06T02:00:00.123Z"), paid.get("emitted"));
        String json = (String) paid.get("json");
        assertTrue(json.startsWith("{\"time\":\"2026-12-06T02:00:00.123456Z\",\"seq\":42,\"signal\":\"JFR_ORDER_PAID\""), json);
        assertTrue(json.endsWith(",\"order_id\":\"o-1\",\"amount\":42.5,\"items\":3,\"express\":true,\"card\":\"***\"}"), json);
        assertFalse(json.contains("4111"), "a secret is never written in clear");
        Map<String, Object> miss = seen.get("miss");
        assertEquals("DEBUG", miss.get("severity"));
        assertEquals("null", miss.get("traceId"), "no trace: the field is left empty");
        assertTrue(((String) miss.get("json")).endsWith(",\"key\":\"user:7\"}"));
    }

    @Test
    void theEventTypeIsDescribedForMissionControlAndHasNoStackTraceByDefault() throws Exception {
        JfrSink sink = new JfrSink();
        List<RecordedEvent> events = record(SignalEvent.NAME, () -> sink.accept(orderPaid("o-3")));
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertNull(e.getStackTrace(), "stack traces are off by default");
        EventType type = e.getEventType();
        assertEquals("dev.signals.Signal", type.getName());
        assertEquals("Signal", type.getLabel());
        assertEquals(List.of("Signals"), type.getCategoryNames());
        assertNotNull(type.getDescription());
        for (String field : List.of("signal", "severity", "message", "thread", "traceId", "spanId", "sequence", "emitted", "json")) {
            assertNotNull(type.getField(field).getLabel(), field);
        }
        assertEquals(1, sink.built());
        assertEquals(1, sink.recorded());
    }

    @Test
    void theJdksDefaultAndProfileSettingsRecordSignalsWithoutNamingThem() throws Exception {
        JfrSink sink = new JfrSink();
        for (String settings : List.of("default", "profile")) {
            Path file = dir.resolve(settings + ".jfr");
            try (Recording recording = new Recording(Configuration.getConfiguration(settings))) {
                recording.start();
                sink.accept(orderPaid("o-" + settings));
                recording.stop();
                recording.dump(file);
            }
            List<String> messages = new ArrayList<>();
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (e.getEventType().getName().equals(SignalEvent.NAME)) {
                    messages.add(e.getString("message"));
                }
            }
            assertEquals(List.of("paid o-" + settings), messages, settings);
        }
    }

    @Test
    void withStackTracesOnTheEventCarriesTheEmittingThreadsStack() throws Exception {
        router.configure("{\"sinks\": {\"flight\": {\"type\": \"jfr\", \"stackTrace\": true}},"
                + " \"routes\": [{\"signals\": [\"JFR_*\"], \"sinks\": [\"flight\"]}]}", "signals.json");
        List<RecordedEvent> events = record(SignalWithStackTraceEvent.NAME, () -> router.dispatch(orderPaid("o-4")));
        assertEquals(1, events.size());
        List<String> methods = new ArrayList<>();
        for (RecordedFrame frame : events.get(0).getStackTrace().getFrames()) {
            methods.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        assertTrue(methods.stream().anyMatch(m -> m.startsWith(JfrSinkTest.class.getName() + ".")), methods.toString());
        assertEquals("paid o-4", events.get(0).getString("message"));
    }

    @Test
    void aStackTraceOptionThatIsNotABooleanIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure("{\"sinks\": {\"flight\":"
                + " {\"type\": \"jfr\", \"stackTrace\": \"yes\"}}, \"routes\": []}", "signals.json"));
        assertTrue(e.getMessage().contains("stackTrace"), e.getMessage());
    }

    @Test
    void withNoRecordingRunningNothingIsBuiltOrAllocated() {
        JfrSink sink = new JfrSink();
        Event event = orderPaid("o-5");
        assertFalse(EventType.getEventType(SignalEvent.class).isEnabled(), "no recording is running");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < 1_000; i++) {
            sink.accept(event); // past class loading and first calls
        }
        int calls = 100_000;
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < calls; i++) {
            sink.accept(event);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(0, sink.built(), "no JFR event object was built");
        assertEquals(0, sink.recorded());
        // One JFR event object alone is over 50 bytes: 100,000 calls that built one would allocate megabytes.
        assertTrue(allocated < calls / 10, "bytes allocated by " + calls + " calls: " + allocated);
    }

    /** Runs {@code emit} in a recording of {@code eventName}, dumped to a file and read back: the events of that name. */
    private List<RecordedEvent> record(String eventName, Runnable emit) throws Exception {
        Path file = dir.resolve("signals.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(eventName);
            recording.start();
            emit.run();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> found = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(eventName)) {
                found.add(e);
            }
        }
        return found;
    }
}
