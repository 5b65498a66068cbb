package dev.signals.test;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.Span;
import java.util.List;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * A fluent assertion over the captured events of one signal, started by
 * {@link CapturedSignals#assertEmitted}. Each step narrows the events that still match and
 * fails at once, saying what was expected and listing what was captured, when none is left:
 *
 * <pre>{@code
 * captured.assertEmitted(ORDER_CREATED)      // at least one ORDER_CREATED
 *         .withField("order_id", "o-1")      // … with order_id = "o-1"
 *         .inSpan("place_order")             // … emitted within the span place_order
 *         .times(1)                          // … exactly one such event
 *         .thenEmitted(ORDER_CONFIRMED);     // and an ORDER_CONFIRMED after it
 * }</pre>
 *
 * Immutable: every step returns a new assertion over the same snapshot of events.
 */
public final class SignalAssert {

    private final CapturedSignals source;
    private final List<Event> all;
    private final Signal signal;
    private final List<Event> matching;
    private final String description;

    private SignalAssert(CapturedSignals source, List<Event> all, Signal signal, List<Event> matching, String description) {
        this.source = source;
        this.all = all;
        this.signal = signal;
        this.matching = matching;
        this.description = description;
    }

    static SignalAssert start(CapturedSignals source, List<Event> all, Signal signal) {
        source.requireCaptured(signal);
        List<Event> of = all.stream().filter(e -> e.signal() == signal).toList();
        SignalAssert a = new SignalAssert(source, all, signal, of, signal.name());
        if (of.isEmpty()) {
            throw a.failure("Expected " + signal.name() + " to be emitted, but it was not.");
        }
        return a;
    }

    /** Keeps the events whose field {@code key} has this value ({@code 2} matches {@code 2L}; a secret matches its clear text). */
    public SignalAssert withField(String key, Object expected) {
        return narrow(e -> FieldValues.matches(e.field(key), expected), "with " + key + "=" + EventListing.describe(
                expected instanceof Field ? ((Field) expected).value() : expected));
    }

    /** Keeps the events that carry this field, key and value. */
    public SignalAssert withField(Field expected) {
        return withField(expected.key(), expected);
    }

    /** Keeps the events that carry a field {@code key}, whatever its value. */
    public SignalAssert withField(String key) {
        return narrow(e -> e.field(key) != null, "with field " + key);
    }

    /** Keeps the events whose message is exactly {@code message}. */
    public SignalAssert withMessage(String message) {
        return narrow(e -> e.message().equals(message), "with message " + EventListing.describe(message));
    }

    /** Keeps the events whose message contains {@code part}. */
    public SignalAssert withMessageContaining(String part) {
        return narrow(e -> e.message().contains(part), "with a message containing " + EventListing.describe(part));
    }

    /** Keeps the events whose {@code error} field holds a throwable of this type. */
    public SignalAssert withError(Class<? extends Throwable> type) {
        return narrow(e -> {
            Field f = e.field(Field.ERROR_KEY);
            return f != null && type.isInstance(f.errorValue());
        }, "with an error of type " + type.getName());
    }

    /** Keeps the events that pass {@code test}; {@code description} names it in a failure message. */
    public SignalAssert matching(String description, Predicate<Event> test) {
        return narrow(test, description);
    }

    /**
     * Keeps the events emitted within a span named {@code spanName}, or within a span opened
     * inside it. The spans are known from their {@code SPAN_STARTED} events, so those must be
     * captured too (the default pattern {@code *} does).
     */
    public SignalAssert inSpan(String spanName) {
        SpanTree spans = new SpanTree(all);
        if (!spans.has(spanName)) {
            String why = source.captures(Span.STARTED) ? "" : " (SPAN_STARTED is not captured: this test captures "
                    + source.patterns() + ")";
            throw failure("Expected " + description + " in span " + spanName + ", but no span named "
                    + spanName + " was opened in this test" + why + ".");
        }
        return narrow(e -> spans.within(e, spanName), "in span " + spanName);
    }

    /** Asserts that exactly {@code count} events are left. */
    public SignalAssert times(int count) {
        if (matching.size() != count) {
            throw failure("Expected " + description + " to be emitted " + EventListing.times(count)
                    + ", but it was emitted " + EventListing.times(matching.size()) + ":\n" + EventListing.list(matching).stripTrailing());
        }
        return this;
    }

    /**
     * Asserts that {@code next} was emitted after the first event left here, and goes on with
     * those events of {@code next}.
     */
    public SignalAssert thenEmitted(Signal next) {
        source.requireCaptured(next);
        Event anchor = matching.get(0);
        List<Event> later = all.stream().filter(e -> e.signal() == next && e.sequence() > anchor.sequence()).toList();
        String nextDescription = description + ", then " + next.name();
        if (later.isEmpty()) {
            List<Event> earlier = all.stream().filter(e -> e.signal() == next).toList();
            throw failure("Expected " + nextDescription + ", but no " + next.name() + " was emitted after "
                    + EventListing.line(anchor) + (earlier.isEmpty() ? "." : "; it was emitted only before:\n"
                    + EventListing.list(earlier).stripTrailing()));
        }
        return new SignalAssert(source, all, next, later, nextDescription);
    }

    /** The first event left, in emission order. */
    public Event event() {
        return matching.get(0);
    }

    /** The events left, in emission order. */
    public List<Event> events() {
        return matching;
    }

    private SignalAssert narrow(Predicate<Event> test, String step) {
        List<Event> kept = matching.stream().filter(test).toList();
        if (kept.isEmpty()) {
            throw failure("Expected " + description + " " + step + " to be emitted, but it was not. "
                    + (matching.size() == 1 ? "The one candidate does not pass" : "None of the " + matching.size()
                    + " candidates passes") + " '" + step + "':\n" + EventListing.list(matching).stripTrailing());
        }
        return new SignalAssert(source, all, signal, kept, description + " " + step);
    }

    private AssertionFailedError failure(String message) {
        return new AssertionFailedError(message + "\n" + EventListing.capturedSection(all));
    }

    @Override
    public String toString() {
        return description + ": " + matching.size() + " event(s)";
    }
}
