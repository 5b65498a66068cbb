package dev.signals.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Signal;
import dev.signals.router.Route;
import dev.signals.router.Router;
import dev.signals.test.CaptureSignals;
import dev.signals.test.CapturedSignals;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.NOPLoggingEventBuilder;

/**
 * Levels answer from the route table, and a message is formatted only when its signal is
 * routed. The class captures WARN only, so DEBUG is unrouted unless a test routes it.
 */
@CaptureSignals("WARN")
class LevelChecksTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.cache.Loader");

    /** An argument that counts how often it is turned into text. */
    static final class Counted {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String toString() {
            calls.incrementAndGet();
            return "counted";
        }
    }

    @Test
    void levelChecksFollowTheRoutes() {
        assertFalse(LOG.isDebugEnabled());
        assertFalse(LOG.isTraceEnabled());
        assertFalse(LOG.isInfoEnabled());
        assertTrue(LOG.isWarnEnabled());
        assertFalse(LOG.isErrorEnabled());
        assertSame(NOPLoggingEventBuilder.singleton(), LOG.atDebug(), "a disabled level builds nothing");

        Route debug = Router.global().route("DEBUG", e -> { });
        assertTrue(LOG.isDebugEnabled());
        assertTrue(LOG.isDebugEnabled(null));
        debug.remove();
        assertFalse(LOG.isDebugEnabled());

        Route severe = Router.global().route("*", dev.signals.Severity.ERROR, e -> { });
        assertTrue(LOG.isErrorEnabled());
        assertFalse(LOG.isInfoEnabled());
        severe.remove();
    }

    @Test
    void anUnroutedLevelNeverFormats() {
        Counted arg = new Counted();
        LOG.debug("value {}", arg);
        LOG.debug("values {} {}", arg, arg);
        LOG.debug("values {} {} {}", arg, arg, arg);
        LOG.atDebug().addArgument(arg).addKeyValue("k", arg).log("fluent {}");
        LOG.info("value {}", arg);
        assertEquals(0, arg.calls.get());
    }

    @Test
    @CaptureSignals({"WARN", "DEBUG"})
    void aRoutedLevelFormatsOnce(CapturedSignals captured) {
        Counted arg = new Counted();
        LOG.debug("value {}", arg);
        assertEquals(1, arg.calls.get());
        LOG.warn("warned {}", arg);
        assertEquals(2, arg.calls.get());
        captured.assertEmitted(Signal.DEBUG).withMessage("value counted").thenEmitted(Signal.WARN);
    }
}
