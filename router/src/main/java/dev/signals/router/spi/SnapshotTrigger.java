package dev.signals.router.spi;

/**
 * Implemented by sinks that can write a snapshot on request. {@code Signals.snapshot(reason)}
 * reaches every routed sink that implements it.
 */
public interface SnapshotTrigger {

    /**
     * Starts a snapshot tagged with {@code reason}; must not block on the write.
     *
     * @return true when a snapshot was started, false when it was skipped (cool-down, closed)
     */
    boolean snapshot(String reason);
}
