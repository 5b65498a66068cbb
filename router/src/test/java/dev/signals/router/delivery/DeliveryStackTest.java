package dev.signals.router.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryStackTest {

    @Test
    void aTableIsInUseWhileAnyThreadDeliversThroughItAtAnyNestingLevel() throws Exception {
        long table = DeliveryStack.newId();
        for (int level = 0; level <= DeliveryStack.MAX_DEPTH; level++) {
            int at = level;
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch leave = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                long[] stack = DeliveryStack.current();
                DeliveryStack.enterTable(stack, at, table);
                entered.countDown();
                awaitQuietly(leave);
                DeliveryStack.leaveTable(stack, at);
            });
            t.start();
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            assertFalse(DeliveryStack.awaitLeft(table, System.nanoTime()), "in use at level " + at);
            assertTrue(DeliveryStack.awaitLeft(DeliveryStack.newId(), System.nanoTime()), "another table is not");
            leave.countDown();
            t.join();
            assertTrue(DeliveryStack.awaitLeft(table, System.nanoTime() + TimeUnit.SECONDS.toNanos(10)), "left at level " + at);
        }
    }

    @Test
    void workOutsideTheDeliveryStartsAFreshStackAndPutsTheOldOneBack() {
        long[] stack = DeliveryStack.current();
        long sink = DeliveryStack.newId();
        long table = DeliveryStack.newId();
        DeliveryStack.enterTable(stack, 0, table);
        DeliveryStack.push(stack, 0, sink);
        int[] depthInside = {-1};
        DeliveryStack.outside(() -> depthInside[0] = DeliveryStack.depth(DeliveryStack.current()));
        assertEquals(0, depthInside[0]);
        assertEquals(1, DeliveryStack.depth(stack));
        assertTrue(DeliveryStack.contains(stack, 1, sink));
        assertFalse(DeliveryStack.awaitLeft(table, System.nanoTime()), "the table mark is back");
        DeliveryStack.pop(stack, 0);
        DeliveryStack.leaveTable(stack, 0);
        assertEquals(0, DeliveryStack.depth(stack));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
