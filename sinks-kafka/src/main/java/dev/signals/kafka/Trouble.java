package dev.signals.kafka;

/**
 * Reports the kafka sink's own trouble on stderr, at most one line a minute: never through
 * Signals, whose routes may lead back into the sink that is in trouble.
 */
final class Trouble {

    private static final long QUIET_NANOS = 60_000_000_000L;
    private static final Object LOCK = new Object();
    private static long lastNanos;
    private static boolean reported;
    private static long suppressed;

    private Trouble() {
    }

    static void report(String message) {
        long now = System.nanoTime();
        long skipped;
        synchronized (LOCK) {
            if (reported && now - lastNanos < QUIET_NANOS) {
                suppressed++;
                return;
            }
            reported = true;
            lastNanos = now;
            skipped = suppressed;
            suppressed = 0;
        }
        System.err.println("Signals: kafka sink: " + message
                + (skipped > 0 ? " (" + skipped + " similar report(s) left out in the last minute)" : ""));
    }
}
