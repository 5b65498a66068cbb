package dev.signals.slf4j;

import java.io.PrintStream;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * Which backend SLF4J chose, for the parts of this module SLF4J does not pick (the
 * {@code System.Logger} finder, which the JDK loads on its own): with another SLF4J provider on
 * the class path that won, they follow SLF4J's choice and say so once, rather than splitting the
 * application's logging between two backends without a word.
 */
final class Slf4jBackend {

    /** Asked while SLF4J is still starting on this thread: answer Signals rather than recurse. */
    private static final ThreadLocal<Boolean> ASKING = new ThreadLocal<>();
    private static volatile Boolean signals;

    private Slf4jBackend() {
    }

    /** Whether SLF4J's chosen provider is this module's. */
    static boolean isSignals() {
        Boolean known = signals;
        return known != null ? known : decide(System.err);
    }

    private static boolean decide(PrintStream err) {
        if (ASKING.get() != null) {
            return true;
        }
        ASKING.set(Boolean.TRUE);
        try {
            ILoggerFactory chosen = LoggerFactory.getILoggerFactory();
            if (chosen instanceof SubstituteLoggerFactory) {
                return true; // SLF4J is starting (on another thread): ask again next time
            }
            boolean ours = chosen instanceof SignalsLoggerFactory;
            if (!ours) {
                err.println("Signals: SLF4J is bound to " + chosen.getClass().getName() + ", not to Signals; the JDK's"
                        + " System.Logger follows SLF4J there too. To log through Signals, remove the other SLF4J"
                        + " provider or start with -D" + LoggerFactory.PROVIDER_PROPERTY_KEY + "="
                        + SignalsServiceProvider.class.getName());
            }
            signals = ours;
            return ours;
        } catch (Throwable t) {
            return true; // SLF4J missing or broken: the finder keeps sending to Signals
        } finally {
            ASKING.remove();
        }
    }
}
