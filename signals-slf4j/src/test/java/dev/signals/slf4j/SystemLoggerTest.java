package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JDK's own logging (System.Logger) through {@link SignalsLoggerFinder}. */
@CaptureSignals
class SystemLoggerTest {

    private static final System.Logger LOG = System.getLogger("com.example.jdkstyle.Service");

    @Test
    void theFinderIsSignals() {
        assertInstanceOf(SignalsLoggerFinder.class, System.LoggerFinder.getLoggerFinder());
        assertInstanceOf(SignalsSystemLogger.class, LOG);
        assertEquals("com.example.jdkstyle.Service", LOG.getName());
    }

    @Test
    void levelsBecomeSignals(CapturedSignals captured) {
        LOG.log(System.Logger.Level.ALL, "all");
        LOG.log(System.Logger.Level.TRACE, "trace");
        LOG.log(System.Logger.Level.DEBUG, "debug");
        LOG.log(System.Logger.Level.INFO, "info");
        LOG.log(System.Logger.Level.WARNING, "warning");
        LOG.log(System.Logger.Level.ERROR, "error");
        LOG.log(System.Logger.Level.OFF, "never");

        assertEquals(List.of(Signal.TRACE, Signal.TRACE, Signal.DEBUG, Signal.INFO, Signal.WARN, Signal.ERROR),
                captured.events().stream().map(Event::signal).toList());
        assertFalse(LOG.isLoggable(System.Logger.Level.OFF));
    }

    @Test
    void messagesAreFormattedAndLocalized(CapturedSignals captured) {
        ResourceBundle bundle = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"greeting", "Hello {0}"}};
            }
        };
        LOG.log(System.Logger.Level.INFO, "Order {0} has {1} items", "o-1", 3);
        LOG.log(System.Logger.Level.INFO, bundle, "greeting", "world");
        LOG.log(System.Logger.Level.INFO, "Broken {0", "x");
        LOG.log(System.Logger.Level.ERROR, "Failed", new IOException("refused"));
        LOG.log(System.Logger.Level.WARNING, () -> "from a supplier");

        captured.assertEmitted(Signal.INFO).withMessage("Order o-1 has 3 items");
        captured.assertEmitted(Signal.INFO).withMessage("Hello world");
        captured.assertEmitted(Signal.INFO).withMessage("Broken {0");
        captured.assertEmitted(Signal.ERROR).withMessage("Failed").withError(IOException.class)
                .withField("logger", "com.example.jdkstyle.Service");
        captured.assertEmitted(Signal.WARN).withMessage("from a supplier");
    }

    @Test
    @CaptureSignals("ERROR")
    void isLoggableFollowsTheRoutesAndNothingUnroutedIsFormatted(CapturedSignals captured) {
        assertFalse(LOG.isLoggable(System.Logger.Level.INFO));
        assertTrue(LOG.isLoggable(System.Logger.Level.ERROR));
        AtomicInteger supplied = new AtomicInteger();
        LOG.log(System.Logger.Level.INFO, () -> "supplied " + supplied.incrementAndGet());
        assertEquals(0, supplied.get());
        assertEquals(List.of(), captured.events());
    }

    @Test
    void theJdksOwnHttpServerLogsThroughIt(CapturedSignals captured) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> exchange.close());
        server.stop(0);
        captured.assertEmitted(Signal.DEBUG).withField("logger", "com.sun.net.httpserver")
                .withMessage("context created: /health");
    }
}
