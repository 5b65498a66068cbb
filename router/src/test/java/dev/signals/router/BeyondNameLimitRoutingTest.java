package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryPolicy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signals declared beyond {@link Signal#NAME_LIMIT} have no dense id and are held weakly; they
 * must be routed exactly like the others, through every kind of pattern, when their cache slots
 * collide, after a route change, and after the name is forgotten and declared again. Each test
 * class runs in its own JVM, so filling the registry here leaves other classes alone.
 */
class BeyondNameLimitRoutingTest {

    @BeforeAll
    static void fillTheNameLimit() {
        for (int i = 0; Signal.of("FILL_" + i).id() != Signal.UNCACHED_ID; i++) {
            // Declares kept names until the first one beyond the limit.
        }
    }

    /** A sink that counts without keeping events (which would keep their signals alive). */
    static final class Counter implements Sink {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void accept(Event event) {
            count.incrementAndGet();
        }
    }

    /** Asks for collections until nothing keeps {@code name}; a full GC clears weak references. */
    private static void awaitForgotten(String name) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Signal.lookup(name) != null) {
            assertTrue(System.nanoTime() < deadline, name + " is still kept after 10 s");
            System.gc();
        }
    }

    private static void emit(Router router, Signal signal) {
        if (router.isRouted(signal)) {
            router.dispatch(Event.builder(signal).message("m").build());
        }
    }

    @Test
    void exactPrefixAndStarRoutesAndSeverityApplyBeyondTheLimit() {
        Router router = new Router();
        Counter exact = new Counter();
        Counter prefix = new Counter();
        Counter all = new Counter();
        router.route("DATA_ORDER_7", exact);
        router.route("DATA_*", Severity.WARN, prefix);
        router.route("*", all);
        Signal order = Signal.of("DATA_ORDER_7");
        Signal warn = Signal.of("DATA_DISK_3", Severity.WARN);
        Signal other = Signal.of("ELSEWHERE_1", Severity.ERROR);
        assertEquals(Signal.UNCACHED_ID, order.id());
        for (int round = 0; round < 3; round++) {
            emit(router, order);
            emit(router, warn);
            emit(router, other);
        }
        assertEquals(3, exact.count.get());
        assertEquals(3, prefix.count.get(), "only the WARN signal reaches the WARN route");
        assertEquals(9, all.count.get());
        router.close();
    }

    @Test
    void signalsSharingACacheSlotKeepTheirOwnRoutes() {
        // "Aa" and "BB" have the same String hash, so these names share a slot.
        Signal aa = Signal.of("SLOT_Aa");
        Signal bb = Signal.of("SLOT_BB");
        assertEquals(aa.name().hashCode(), bb.name().hashCode());
        assertEquals(Signal.UNCACHED_ID, bb.id());
        Router router = new Router();
        Counter toAa = new Counter();
        Counter toBb = new Counter();
        router.route("SLOT_Aa", toAa);
        router.route("SLOT_BB", toBb);
        for (int i = 0; i < 5; i++) {
            emit(router, aa);
            emit(router, bb);
            emit(router, aa);
        }
        assertEquals(10, toAa.count.get());
        assertEquals(5, toBb.count.get());
        router.close();
    }

    @Test
    void aRouteAddedLaterReachesASignalAlreadyRouted() {
        Router router = new Router();
        Signal late = Signal.of("LATE_1");
        assertFalse(router.isRouted(late));
        Counter sink = new Counter();
        router.route("LATE_*", sink);
        assertTrue(router.isRouted(late));
        emit(router, late);
        assertEquals(1, sink.count.get());
        router.close();
    }

    @Test
    void aForgottenNameDeclaredAgainIsRoutedByItsNewSeverity() {
        Router router = new Router();
        Counter warnings = new Counter();
        router.route("GONE_*", Severity.WARN, warnings);
        long beyondBefore = Signal.declaredBeyondLimit();
        emit(router, Signal.of("GONE_1", Severity.WARN));
        assertEquals(1, warnings.count.get());
        awaitForgotten("GONE_1");
        Signal again = Signal.of("GONE_1", Severity.DEBUG);
        assertEquals(Severity.DEBUG, again.severity());
        assertFalse(router.isRouted(again), "the new DEBUG signal is below the WARN route");
        emit(router, again);
        assertEquals(1, warnings.count.get());
        assertEquals(beyondBefore + 2, Signal.declaredBeyondLimit());
        router.close();
    }

    @Test
    void aSampledRouteSamplesEachSignalOnItsOwnAndKeepsNoNameAlive() {
        Router router = new Router();
        Counter sampled = new Counter();
        Sampler firstTwo = new Sampler(2, 0, 1_000_000_000L, () -> 0L);
        router.route("SAMPLED_*", Severity.TRACE, null, firstTwo, sampled, DeliveryPolicy.DIRECT);
        Signal one = Signal.of("SAMPLED_1");
        Signal two = Signal.of("SAMPLED_2");
        assertEquals(Signal.UNCACHED_ID, two.id());
        for (int i = 0; i < 5; i++) {
            emit(router, one);
            emit(router, two);
        }
        assertEquals(4, sampled.count.get(), "two events of each signal pass");
        emit(router, Signal.of("SAMPLED_3"));
        assertEquals(5, sampled.count.get());
        awaitForgotten("SAMPLED_3");
        router.close();
    }
}
