package dev.signals.test;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.router.RoutePattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The signals one test emitted: on the test's thread, and in tasks that carry its context
 * ({@code Signals.wrap}), in emission order. Events look exactly as emitted; the field that
 * ties them to their test is removed. Thread-safe.
 *
 * <pre>{@code
 * captured.assertEmitted(ORDER_CREATED).withField("order_id", "o-1").times(1);
 * captured.assertEmitted(PAYMENT_AUTHORIZED).inSpan("charge_card").thenEmitted(ORDER_CONFIRMED);
 * captured.assertOrder(ORDER_CREATED, PAYMENT_AUTHORIZED, ORDER_CONFIRMED);
 * captured.assertNotEmitted(PAYMENT_FAILED);
 * }</pre>
 *
 * A failing assertion says what was expected and lists what the test captured.
 */
public final class CapturedSignals {

    private final List<String> patterns;
    private final List<RoutePattern> parsed;
    private final List<Event> events = new ArrayList<>();

    CapturedSignals(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        List<RoutePattern> p = new ArrayList<>();
        for (String s : patterns) {
            p.add(RoutePattern.parse(s));
        }
        this.parsed = List.copyOf(p);
    }

    synchronized void add(Event event) {
        events.add(event);
    }

    /** Every event captured so far, in emission order; a snapshot. */
    public List<Event> events() {
        List<Event> copy;
        synchronized (this) {
            copy = new ArrayList<>(events);
        }
        // Events from several threads may arrive slightly out of emission order.
        copy.sort(Comparator.comparingLong(Event::sequence));
        return List.copyOf(copy);
    }

    /** The events of {@code signal} captured so far, in emission order. */
    public List<Event> events(Signal signal) {
        return events().stream().filter(e -> e.signal() == signal).toList();
    }

    /** Forgets what was captured so far, say after a set-up step. */
    public synchronized void clear() {
        events.clear();
    }

    /** The route patterns this capture takes. */
    public List<String> patterns() {
        return patterns;
    }

    /** True when this capture takes {@code signal} at all. */
    public boolean captures(Signal signal) {
        for (RoutePattern p : parsed) {
            if (p.matches(signal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asserts that {@code signal} was emitted at least once; the result narrows the events
     * further ({@link SignalAssert#withField}, {@link SignalAssert#inSpan}…).
     *
     * @throws AssertionFailedError when it was not
     */
    public SignalAssert assertEmitted(Signal signal) {
        return SignalAssert.start(this, events(), signal);
    }

    /**
     * Asserts that {@code signal} was not emitted. Fails as well when this capture does not take
     * {@code signal}: its absence would prove nothing.
     */
    public void assertNotEmitted(Signal signal) {
        requireCaptured(signal);
        List<Event> all = events();
        List<Event> found = all.stream().filter(e -> e.signal() == signal).toList();
        if (!found.isEmpty()) {
            throw new AssertionFailedError("Expected " + signal.name() + " not to be emitted, but it was, "
                    + EventListing.times(found.size()) + ":\n" + EventListing.list(found)
                    + EventListing.capturedSection(all));
        }
    }

    /**
     * Asserts that the signals were emitted in this order (others may come between them): the
     * first {@code signals[0]}, then a later {@code signals[1]}, and so on.
     */
    public void assertOrder(Signal... signals) {
        if (signals.length == 0) {
            return;
        }
        SignalAssert step = assertEmitted(signals[0]);
        for (int i = 1; i < signals.length; i++) {
            step = step.thenEmitted(signals[i]);
        }
    }

    void requireCaptured(Signal signal) {
        if (!captures(signal)) {
            throw new AssertionFailedError(signal.name() + " is not captured: this test captures " + patterns
                    + ". Add it to @CaptureSignals.");
        }
    }

    /** What was captured, one event per line. */
    @Override
    public String toString() {
        return EventListing.capturedSection(events());
    }
}
