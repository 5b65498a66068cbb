package dev.signals.example.orders.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRequestsTest {

    private static List<OrderRequest> all(LoadPlan plan) {
        List<OrderRequest> out = new ArrayList<>();
        OrderRequests requests = new OrderRequests(plan);
        for (OrderRequest r = requests.next(); r != null; r = requests.next()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void aSeedGivesTheSameOrdersAtTheSameOffsets() {
        LoadPlan plan = new LoadPlan(10, Duration.ofSeconds(20), 0, 3, Duration.ofSeconds(20), 42, "ord-");
        List<OrderRequest> first = all(plan);
        assertEquals(first, all(plan));
        assertNotEquals(first, all(new LoadPlan(10, Duration.ofSeconds(20), 0, 3, Duration.ofSeconds(20), 43, "ord-")));
        assertEquals("ord-00001", first.get(0).orderId());
        for (OrderRequest r : first) {
            assertTrue(r.offset().compareTo(Duration.ofSeconds(20)) < 0);
        }
    }

    @Test
    void thePeakIsFasterAndDominatedByOneClient() {
        Duration run = Duration.ofSeconds(100);
        List<OrderRequest> orders = all(new LoadPlan(10, run, 0, 3, run, 5, "ord-"));
        long inPeak = orders.stream().filter(r -> r.offset().toSeconds() >= 55 && r.offset().toSeconds() < 70).count();
        long before = orders.stream().filter(r -> r.offset().toSeconds() >= 40 && r.offset().toSeconds() < 55).count();
        assertTrue(inPeak > 2 * before, inPeak + " orders in the peak, " + before + " in as long before it");
        long hot = orders.stream().filter(r -> r.offset().toSeconds() >= 55 && r.offset().toSeconds() < 70)
                .filter(r -> r.clientIp().equals(OrderRequests.HOT_CLIENT)).count();
        assertTrue(hot > inPeak / 3, hot + " of " + inPeak + " from the hot client");
    }

    @Test
    void aCountEndsTheRunWithoutADuration() {
        List<OrderRequest> orders = all(new LoadPlan(50, null, 25, 1, Duration.ofSeconds(1), 1, "ord-x-"));
        assertEquals(25, orders.size());
        assertEquals("ord-x-00025", orders.get(24).orderId());
    }
}
