package dev.signals.example.orders.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.example.orders.ServiceName;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosTest {

    private static final Duration RUN = Duration.ofSeconds(30);

    @Test
    void theSameSeedGivesTheSameFaultsToTheSameCalls() {
        Chaos a = new Chaos(42, ChaosLevel.MEDIUM, Map.of(), RUN);
        Chaos b = new Chaos(42, ChaosLevel.MEDIUM, Map.of(), RUN);
        Chaos other = new Chaos(43, ChaosLevel.MEDIUM, Map.of(), RUN);
        int differences = 0;
        for (int i = 0; i < 200; i++) {
            String key = "ord-" + i + ":notification.notify:1";
            Fault fa = a.decide(ServiceName.NOTIFICATION, "/notifications", key);
            assertEquals(fa, b.decide(ServiceName.NOTIFICATION, "/notifications", key));
            if (!fa.equals(other.decide(ServiceName.NOTIFICATION, "/notifications", key))) {
                differences++;
            }
            assertEquals(a.declines("ord-" + i), b.declines("ord-" + i));
        }
        assertTrue(differences > 0, "another seed, other faults");
    }

    @Test
    void ratesAreRoughlyWhatTheSettingsSay() {
        Chaos chaos = new Chaos(1, ChaosLevel.MEDIUM, Map.of("shipping.failure", "0.25"), RUN);
        int failures = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            if (chaos.decide(ServiceName.SHIPPING, "/shipments", "k" + i).error()) {
                failures++;
            }
        }
        assertTrue(failures > n * 0.20 && failures < n * 0.30, failures + " failures of " + n);
    }

    @Test
    void levelNoneInjectsNothingAndTheOrderServiceIsSpared() {
        Chaos none = new Chaos(7, ChaosLevel.NONE, Map.of(), RUN);
        Chaos high = new Chaos(7, ChaosLevel.HIGH, Map.of(), RUN);
        for (int i = 0; i < 100; i++) {
            assertEquals(Fault.NONE, none.decide(ServiceName.PAYMENT, "/payments/authorize", "k" + i));
            assertEquals(Fault.NONE, high.decide(ServiceName.ORDER, "/orders", "k" + i));
            assertFalse(none.declines("ord-" + i));
        }
    }

    @Test
    void theOutageIsPlacedInThePlannedRun() {
        Chaos chaos = new Chaos(7, ChaosLevel.MEDIUM, Map.of("payment.outageAt", "0.5", "payment.outageFor", "0.1"), RUN);
        assertEquals(Duration.ofSeconds(15), chaos.outageStart(ServiceName.PAYMENT));
        assertEquals(Duration.ofSeconds(3), chaos.outageLength(ServiceName.PAYMENT));
        assertFalse(chaos.inOutage(ServiceName.PAYMENT), "not at the start");
        assertFalse(chaos.settings(ServiceName.SHIPPING).hasOutage());
    }

    @Test
    void badOverridesAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> new Chaos(1, ChaosLevel.LOW, Map.of("payment.bogus", "1"), RUN));
        assertThrows(IllegalArgumentException.class, () -> new Chaos(1, ChaosLevel.LOW, Map.of("nosuch.failure", "1"), RUN));
        assertThrows(IllegalArgumentException.class, () -> new Chaos(1, ChaosLevel.LOW, Map.of("payment.failure", "1.5"), RUN));
        assertThrows(IllegalArgumentException.class, () -> new Chaos(1, ChaosLevel.LOW, Map.of("failure", "0.1"), RUN));
    }
}
