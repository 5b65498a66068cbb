package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open-span registry: bounded, counts what it cannot list, forgets ended spans (own JVM per class). */
class OpenSpansTest {

    @Test
    void listsOpenSpansUpToItsCapacityAndCountsTheRest() {
        List<Span> open = new ArrayList<>();
        for (int i = 0; i < OpenSpans.CAPACITY + 10; i++) {
            open.add(Signals.span("s" + i));
        }
        assertEquals(OpenSpans.CAPACITY, OpenSpans.list().size());
        assertEquals(10, OpenSpans.notListed());
        assertEquals("s0", OpenSpans.list().get(0).name(), "oldest first");
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        assertTrue(OpenSpans.list().isEmpty());
        assertEquals(0, OpenSpans.notListed());

        try (Span again = Signals.span("again")) {
            assertEquals(List.of(again), OpenSpans.list(), "slots freed by ended spans are used again");
        }
    }
}
