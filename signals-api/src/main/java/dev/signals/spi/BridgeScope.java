package dev.signals.spi;

/** A context made current in the tracing system; closing it restores what was current before. */
@FunctionalInterface
public interface BridgeScope extends AutoCloseable {

    /** Restores the previous context. Never throws. */
    @Override
    void close();
}
