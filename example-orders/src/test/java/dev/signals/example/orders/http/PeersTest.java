package dev.signals.example.orders.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signals.example.orders.ServiceName;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PeersTest {

    @Test
    void parsesServiceUrlPairs() {
        Peers peers = Peers.parse("order=http://127.0.0.1:8080, payment=http://10.0.0.5:8083/");
        assertEquals(URI.create("http://127.0.0.1:8080/orders"), peers.uri(ServiceName.ORDER, "/orders"));
        assertEquals(URI.create("http://10.0.0.5:8083/payments/authorize"), peers.uri(ServiceName.PAYMENT, "/payments/authorize"));
        assertThrows(IllegalStateException.class, () -> peers.uri(ServiceName.USER, "/users/lookup"));
    }

    @Test
    void refusesWhatIsNotAServiceAndAnHttpUrl() {
        assertThrows(IllegalArgumentException.class, () -> Peers.parse("billing=http://127.0.0.1:1"));
        assertThrows(IllegalArgumentException.class, () -> Peers.parse("order=ftp://127.0.0.1:1"));
        assertThrows(IllegalArgumentException.class, () -> Peers.parse("order"));
    }
}
