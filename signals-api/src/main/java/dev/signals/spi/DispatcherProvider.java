package dev.signals.spi;

/**
 * Found through {@link java.util.ServiceLoader} by {@link dev.signals.Signals}: supplies the
 * dispatcher behind the facade. The {@code router} module provides one. With none on the
 * class path, events are discarded after one warning on stderr; with several, the one named by
 * {@code -Dsignals.dispatcher=CLASS} is used, else the one with the highest {@link #priority()},
 * and the choice is reported on stderr.
 */
public interface DispatcherProvider {

    /** The dispatcher; called once, on the first use of {@link dev.signals.Signals}. */
    Dispatcher dispatcher();

    /** Higher wins when several providers are present. */
    default int priority() {
        return 0;
    }
}
