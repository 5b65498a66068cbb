package dev.signals.example.orders.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterQueueTest {

    @Test
    void keepsTheNewestAndCountsWhatItEvicts() {
        DeadLetterQueue<String> queue = new DeadLetterQueue<>(2);
        queue.add("a");
        queue.add("b");
        queue.add("c");
        assertEquals(List.of("b", "c"), queue.entries());
        assertEquals(3, queue.added());
        assertEquals(1, queue.evicted());
    }
}
