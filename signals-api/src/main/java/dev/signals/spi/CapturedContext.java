package dev.signals.spi;

/**
 * The tracing system's context captured on one thread by {@link TraceBridge#captureContext()},
 * to be made current on another. Immutable: it may be attached any number of times, on any thread.
 */
@FunctionalInterface
public interface CapturedContext {

    /** Makes the captured context current on the calling thread until the scope is closed. */
    BridgeScope attach();
}
