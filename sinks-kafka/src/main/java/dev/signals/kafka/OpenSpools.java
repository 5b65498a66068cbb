package dev.signals.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The spools open in this JVM, by directory. A config reload makes the new kafka sink before
 * the router closes the old one, for the same spool directory: the new sink shares the open
 * spool (and its figures) and takes over sending, while the old one's sender pauses; closed
 * first (the rest of the new config was refused), the new sink hands sending back. The spool
 * closes with its last sink. Another process is kept out by the spool's lock file.
 */
final class OpenSpools {

    /** One open spool and the senders of the sinks that use it; the last one sends. */
    static final class Shared {
        final Path key;
        final Spool spool;
        final Figures figures;
        private final ArrayDeque<KafkaSender> senders = new ArrayDeque<>();

        private Shared(Path key, Spool spool, Figures figures) {
            this.key = key;
            this.spool = spool;
            this.figures = figures;
        }
    }

    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private OpenSpools() {
    }

    /**
     * The spool in {@code directory}, opened now or shared with the sink that has it open. A
     * shared spool keeps the {@code maxBytes} and {@code whenFull} it was opened with.
     */
    static synchronized Shared open(Path directory, long maxBytes, SpoolFull whenFull) throws IOException {
        Path key = directory.toAbsolutePath().normalize();
        Shared shared = OPEN.get(key);
        if (shared == null) {
            Figures figures = new Figures();
            shared = new Shared(key, Spool.open(directory, maxBytes, whenFull, figures), figures);
            OPEN.put(key, shared);
        }
        return shared;
    }

    /** Makes {@code sender} the one that sends; the one before it pauses. */
    static synchronized void attach(Shared shared, KafkaSender sender) {
        KafkaSender previous = shared.senders.peekLast();
        if (previous != null) {
            previous.pause(true);
        }
        shared.senders.addLast(sender);
    }

    /** Whether {@code sender} is the one sending from the spool (the last attached). */
    static synchronized boolean isSending(Shared shared, KafkaSender sender) {
        return shared.senders.peekLast() == sender;
    }

    /**
     * Lets go of {@code sender}'s sink; when it was sending, the sink before it sends again.
     *
     * @return true when it was the spool's last sink: the caller closes the spool
     */
    static synchronized boolean detach(Shared shared, KafkaSender sender) {
        boolean wasSending = shared.senders.peekLast() == sender;
        shared.senders.remove(sender);
        if (shared.senders.isEmpty()) {
            OPEN.remove(shared.key);
            return true;
        }
        if (wasSending) {
            shared.senders.peekLast().pause(false);
        }
        return false;
    }
}
