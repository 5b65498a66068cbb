package dev.signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Scope;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Router;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension's life cycle: what it captures, from where, and what it leaves behind. */
@ExtendWith(SignalsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalsExtensionTest {

    static final Signal JOB_STARTED = Signal.of("JOB_STARTED");
    static final Signal JOB_DONE = Signal.of("JOB_DONE");
    static final Signal LEAKED = Signal.of("LEAKED_FROM_EARLIER_TEST");

    static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPoolAndCheckNothingIsLeftRouted() throws InterruptedException {
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(List.of(), Router.global().routes(), "every capture route is removed after its test");
    }

    @Test
    @Order(1)
    void eventsLookAsEmittedWithoutTheTestMarker(CapturedSignals captured) {
        try (Scope request = Signals.scope(Field.of("request_id", "r-1"))) {
            Signals.emit(JOB_STARTED, "started", Field.of("job", "j-1"));
        }
        Event e = captured.assertEmitted(JOB_STARTED).event();
        assertEquals(List.of(Field.of("request_id", "r-1"), Field.of("job", "j-1")), e.fields());
        assertNull(e.field(CaptureHub.MARKER));
        assertEquals(Thread.currentThread().getName(), e.thread());
        Signals.emit(LEAKED, "emitted by the first test");
    }

    @Test
    @Order(2)
    void aTestSeesNothingOfTheTestsBeforeIt(CapturedSignals captured) {
        captured.assertNotEmitted(LEAKED);
        assertEquals(List.of(), captured.events());
    }

    @Test
    @Order(3)
    void wrappedTasksAreCapturedAndOthersAreNot(CapturedSignals captured) throws Exception {
        pool.submit(Signals.wrap(() -> Signals.emit(JOB_DONE, "in a wrapped task"))).get();
        pool.submit(() -> Signals.emit(JOB_STARTED, "in a bare task")).get();

        Event done = captured.assertEmitted(JOB_DONE).times(1).event();
        assertNotSame(Thread.currentThread().getName(), done.thread());
        captured.assertNotEmitted(JOB_STARTED);
    }

    @Test
    @Order(4)
    void spansOpenedInWrappedTasksAreFound(CapturedSignals captured) throws Exception {
        try (Span batch = Signals.span("batch")) {
            pool.submit(Signals.wrap(() -> {
                try (Span item = Signals.span("item")) {
                    Signals.emit(JOB_DONE, "item done");
                }
            })).get();
        }
        captured.assertEmitted(JOB_DONE).inSpan("item").inSpan("batch");
        captured.assertEmitted(Span.ENDED).withField("span", "item").thenEmitted(Span.ENDED).withField("span", "batch");
    }

    @Test
    @Order(5)
    @CaptureSignals("JOB_*")
    void aMethodAnnotationChoosesThePatterns(CapturedSignals captured) {
        assertEquals(List.of("JOB_*"), captured.patterns());
        assertTrue(Signals.isRouted(JOB_DONE));
        assertFalse(Signals.isRouted(Signal.of("NOT_A_JOB_SIGNAL")), "only the patterns asked for are routed");
        Signals.emit(JOB_DONE, "done");
        try (Span span = Signals.span("not_captured")) {
            Signals.emit(JOB_STARTED, "in a span");
        }
        captured.assertEmitted(JOB_DONE);
        assertEquals(List.of(JOB_DONE, JOB_STARTED), captured.events().stream().map(Event::signal).toList());
    }

    @Test
    @Order(6)
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTestOnAThreadOfItsOwnIsCapturedToo(CapturedSignals captured) {
        Signals.emit(JOB_DONE, "on the timeout's thread");
        captured.assertEmitted(JOB_DONE).withMessage("on the timeout's thread");
    }

    /** Set-up methods take the capture too, and what they emit belongs to the test. */
    @Nested
    class WithSetUp {

        @BeforeEach
        void setUp(CapturedSignals captured) {
            Signals.emit(JOB_STARTED, "set up");
            assertEquals(1, captured.events().size());
        }

        @Test
        void theSetUpsEventsAreCaptured(CapturedSignals captured) {
            Signals.emit(JOB_DONE, "test");
            captured.assertOrder(JOB_STARTED, JOB_DONE);
        }
    }
}
