package dev.signals.sinks.timetravel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A trigger freezes the ring at its claim: events written after it cannot overwrite its window. */
class FrozenWindowTest {

    private static final Signal WORK = Signal.of("FROZEN_WORK", Severity.DEBUG);
    private static final Signal FAILED = Signal.of("FROZEN_FAILED", Severity.ERROR);
    private static final Predicate<Signal> IS_TRIGGER = s -> s == FAILED;

    private static List<Event> emit(TimeTravelSink buffer, Signal signal, int n) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Event e = Event.builder(signal).message("e" + i).build();
            buffer.accept(e);
            out.add(e);
        }
        return out;
    }

    /** Emits from another thread: the triggering thread's own next event would end its freeze. */
    private static void emitElsewhere(TimeTravelSink buffer, int n) throws InterruptedException {
        Thread t = new Thread(() -> emit(buffer, WORK, n));
        t.start();
        t.join();
    }

    @Test
    void theCopyHoldsTheWindowEndingAtTheTriggerAfterManyTurnsOfTheRing() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(1_000);
        buffer.freezeOn(IS_TRIGGER);
        List<Event> before = emit(buffer, WORK, 5_000);
        Event trigger = emit(buffer, FAILED, 1).get(0);
        emitElsewhere(buffer, 100_000); // a hundred turns of the ring before the copy

        Window w = buffer.copy(trigger);

        List<Event> expected = new ArrayList<>(before.subList(before.size() - 999, before.size()));
        expected.add(trigger);
        assertEquals(expected, w.events());
        assertEquals(0, w.missed());
        // Thawed: the next copy is of the live ring again, and finds events written while frozen.
        Event last = emit(buffer, WORK, 1).get(0);
        List<Event> live = buffer.copy().events();
        assertEquals(1_000, live.size());
        assertSame(last, live.get(live.size() - 1));
    }

    @Test
    void aSnapshotNotTakenThawsTheRing() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.freezeOn(IS_TRIGGER);
        Event first = emit(buffer, FAILED, 1).get(0);
        buffer.release(first);
        emitElsewhere(buffer, 1_000);
        Event second = emit(buffer, FAILED, 1).get(0);
        emitElsewhere(buffer, 1_000);

        List<Event> window = buffer.copy(second).events();
        assertEquals(100, window.size(), "the second trigger froze the ring: the first had thawed it");
        assertSame(second, window.get(99));
    }

    @Test
    void theTriggeringThreadsNextEventEndsAFreezeNobodyCopied() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.freezeOn(IS_TRIGGER);
        Event abandoned = emit(buffer, FAILED, 1).get(0);
        emit(buffer, WORK, 1);
        Event next = emit(buffer, FAILED, 1).get(0);
        emitElsewhere(buffer, 1_000);

        List<Event> window = buffer.copy(next).events();
        assertSame(next, window.get(window.size() - 1));
        assertTrue(buffer.copy(abandoned).events().size() == 100, "an abandoned trigger copies the live ring");
    }

    @Test
    void withoutAWatcherNothingFreezes() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(100);
        Event trigger = emit(buffer, FAILED, 1).get(0);
        emitElsewhere(buffer, 1_000);
        List<Event> window = buffer.copy(trigger).events();
        assertEquals(100, window.size());
        assertTrue(!window.contains(trigger), "the live ring, long past the trigger");
    }

    @Test
    void aTriggerCopiedBeforeTheBufferIsGivenItFreezesThereAndIsKeptOnce() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.freezeOn(IS_TRIGGER);
        List<Event> before = emit(buffer, WORK, 500);
        Event trigger = Event.builder(FAILED).message("reached the snapshot sink first").build();

        Window window = buffer.copy(trigger); // the snapshot sink, named before the buffer in the route
        buffer.accept(trigger); // then the buffer's own delivery of it

        List<Event> expected = new ArrayList<>(before.subList(before.size() - 99, before.size()));
        expected.add(trigger);
        assertEquals(expected, window.events());
        assertEquals(501, buffer.received(), "the trigger is kept once");
        Event next = emit(buffer, WORK, 1).get(0);
        List<Event> live = buffer.copy().events();
        assertSame(next, live.get(99));
        assertSame(trigger, live.get(98));
    }

    @Test
    void aTriggerAlreadyKeptUnfrozenIsNotKeptAgainByItsCopy() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.freezeOn(IS_TRIGGER);
        Event holding = emit(buffer, FAILED, 1).get(0); // holds the one freeze
        Event[] second = new Event[1];
        Thread other = new Thread(() -> second[0] = emit(buffer, FAILED, 1).get(0));
        other.start();
        other.join();

        buffer.copy(second[0]);
        buffer.release(holding);

        assertEquals(2, buffer.received(), "found in the ring, not put in a second time");
    }

    @Test
    void frozenBeforeTheTriggerIsMadeNoEventNumberedAfterItPushesOutTheWindow() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(1_000);
        buffer.freezeOn(IS_TRIGGER);
        List<Event> before = emit(buffer, WORK, 5_000);
        buffer.beforeCapture(FAILED); // the router, before Signals.emit makes the trigger
        emitElsewhere(buffer, 100_000); // this thread descheduled before it numbers its trigger
        Event trigger = emit(buffer, FAILED, 1).get(0); // numbered after all of them

        Window w = buffer.copy(trigger);

        List<Event> expected = new ArrayList<>(before.subList(before.size() - 999, before.size()));
        expected.add(trigger);
        assertEquals(expected, w.events(), "the window ends where the ring froze, and holds its trigger");
        Event next = emit(buffer, WORK, 1).get(0);
        assertSame(next, buffer.copy().events().get(999), "thawed by the copy");
    }

    @Test
    void aTriggerThatNeverComesThawsAtTheThreadsNextEvent() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.freezeOn(IS_TRIGGER);
        buffer.beforeCapture(FAILED);
        emit(buffer, WORK, 1); // the trigger was filtered out on its way: this thread's next event
        Event[] other = new Event[1];
        Thread t = new Thread(() -> other[0] = emit(buffer, FAILED, 1).get(0));
        t.start();
        t.join();
        emitElsewhere(buffer, 1_000);
        List<Event> window = buffer.copy(other[0]).events();
        assertSame(other[0], window.get(window.size() - 1), "another thread's trigger could freeze the ring");
    }

    @Test
    void aFreezeHeldByAThreadThatEndedIsLiftedForTheNextTrigger() throws Exception {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.freezeOn(IS_TRIGGER);
        Thread reserving = new Thread(() -> buffer.beforeCapture(FAILED)); // and ends before its trigger
        reserving.start();
        reserving.join();
        Thread freezing = new Thread(() -> emit(buffer, FAILED, 1)); // lifts that one, freezes, ends without a copy
        freezing.start();
        freezing.join();

        Event trigger = emit(buffer, FAILED, 1).get(0);
        emitElsewhere(buffer, 1_000);
        List<Event> window = buffer.copy(trigger).events();
        assertSame(trigger, window.get(window.size() - 1), "frozen for this trigger, not held by the dead threads");
    }

    @Test
    void aSignalThatTriggersNothingTakesNoClaim() {
        TimeTravelSink buffer = new TimeTravelSink(100);
        buffer.freezeOn(IS_TRIGGER);
        buffer.beforeCapture(WORK);
        assertEquals(0, buffer.received());
        Event e = emit(buffer, WORK, 1).get(0);
        assertSame(e, buffer.copy().events().get(0));
        assertEquals(0, buffer.copy().missed());
    }
}
