package dev.signals.sinks.timetravel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeTravelSinkTest {

    private static final Signal CACHE_MISS = Signal.of("CACHE_MISS", Severity.DEBUG);

    private static Event event(int i) {
        return Event.builder(CACHE_MISS).message("miss " + i).fields(Field.of("i", i)).build();
    }

    private static List<Long> sequences(Window w) {
        List<Long> out = new ArrayList<>();
        for (Event e : w.events()) {
            out.add(e.sequence());
        }
        return out;
    }

    @Test
    void keepsTheLastCapacityEventsAndCountsWhatWasLostBeforeThem() {
        TimeTravelSink buffer = new TimeTravelSink(5);
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Event e = event(i);
            all.add(e);
            buffer.accept(e);
        }
        Window w = buffer.copy();
        assertEquals(all.subList(7, 12), w.events());
        assertEquals(7, w.lostBeforeWindow());
        assertEquals(12, w.received());
        assertEquals(0, w.missed());
        assertEquals(5, w.capacity());
        assertEquals(5, buffer.size());
    }

    @Test
    void aCapacityThatIsNoPowerOfTwoIsExact() {
        for (int capacity : new int[] {1, 3, 100, 1000}) {
            TimeTravelSink buffer = new TimeTravelSink(capacity);
            for (int i = 0; i < capacity * 3 + 1; i++) {
                buffer.accept(event(i));
            }
            Window w = buffer.copy();
            assertEquals(capacity, w.size(), "capacity " + capacity);
            assertEquals(2L * capacity + 1, w.lostBeforeWindow());
        }
    }

    @Test
    void aCopyNeverEmptiesTheBuffer() {
        TimeTravelSink buffer = new TimeTravelSink(100);
        for (int i = 0; i < 10; i++) {
            buffer.accept(event(i));
        }
        List<Event> first = new ArrayList<>(buffer.copy().events());
        List<Event> second = new ArrayList<>(buffer.copy().events());
        assertEquals(10, first.size());
        assertEquals(first, second);
        assertEquals(10, buffer.size());
        buffer.close();
        assertEquals(first, buffer.copy().events(), "still readable after close, for a last snapshot");
    }

    @Test
    void anEmptyBufferCopiesToAnEmptyWindow() {
        Window w = new TimeTravelSink(10).copy();
        assertEquals(0, w.size());
        assertEquals(0, w.lostBeforeWindow());
        assertEquals(0, w.received());
    }

    @Test
    void includingAddsAMissingTriggerOnceInSequenceOrder() {
        TimeTravelSink buffer = new TimeTravelSink(10);
        Event early = event(1);
        Event inBuffer = event(2);
        buffer.accept(inBuffer);
        Window w = buffer.copy().including(early).including(inBuffer).including(early);
        assertEquals(List.of(early, inBuffer), w.events());
        assertSame(w, w.including(null));
    }

    @Test
    void theSequenceOrderIsRestoredWhenThreadsReachedTheBufferOutOfOrder() {
        TimeTravelSink buffer = new TimeTravelSink(10);
        Event a = event(1);
        Event b = event(2);
        Event c = event(3);
        buffer.accept(c);
        buffer.accept(a);
        buffer.accept(b);
        assertEquals(List.of(a.sequence(), b.sequence(), c.sequence()), sequences(buffer.copy()));
    }

    @Test
    void nullIsIgnoredAndBadCapacitiesAreRefused() {
        TimeTravelSink buffer = new TimeTravelSink(2);
        buffer.accept(null);
        assertEquals(0, buffer.received());
        assertThrows(IllegalArgumentException.class, () -> new TimeTravelSink(0));
        assertThrows(IllegalArgumentException.class, () -> new TimeTravelSink(TimeTravelSink.MAX_CAPACITY + 1));
    }

    @Test
    void configuredByTypeNameAndItsMistakesAreRefusedWithTheKey() {
        Router router = new Router();
        try {
            router.configure("{\"sinks\": {\"timeline\": {\"type\": \"time-travel\", \"capacity\": 7}},"
                    + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"timeline\"]}]}", "tt.json");
            assertTrue(router.stats().sinks().containsKey("timeline"));

            String[][] cases = {
                {"{\"type\": \"time-travel\", \"capacity\": 0}", "sinks.timeline.capacity", "out of range"},
                {"{\"type\": \"time-travel\", \"capacity\": \"big\"}", "sinks.timeline.capacity", "whole number"},
                {"{\"type\": \"time-travel\", \"capacity\": 1.5}", "sinks.timeline.capacity", "whole number"},
                {"{\"type\": \"time-travel\", \"capacitty\": 10}", "sinks.timeline.capacitty", "unknown key"},
                {"{\"type\": \"time-travel\", \"async\": {\"queue\": 10}}", "sinks.timeline.async", "synchronous"},
            };
            for (String[] c : cases) {
                ConfigException e = assertThrows(ConfigException.class, () -> router.configure(
                        "{\"sinks\": {\"timeline\": " + c[0] + "}}", "bad.json"), c[0]);
                assertEquals(c[1], e.path(), e.getMessage());
                assertTrue(e.getMessage().contains(c[2]), e.getMessage());
                assertTrue(e.getMessage().startsWith("bad.json:1:"), e.getMessage());
            }
            assertTrue(router.stats().sinks().containsKey("timeline"), "the routes in force stay");
        } finally {
            router.close();
        }
    }
}
