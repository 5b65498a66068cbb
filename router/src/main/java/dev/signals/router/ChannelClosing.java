package dev.signals.router;

import dev.signals.router.delivery.SinkChannel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes a set of sink channels within one deadline: sinks that others fall back to go last
 * (closing a sink may divert its last events to its fallback), and what is left undelivered at
 * the deadline is written to stderr (the channels count it as dropped, {@code SHUTDOWN}).
 */
final class ChannelClosing {

    private ChannelClosing() {
    }

    static void closeAll(List<SinkChannel> channels, Duration deadline, PrintStream err) {
        long end = System.nanoTime() + deadline.toNanos();
        Set<SinkChannel> fallbacks = new LinkedHashSet<>();
        for (SinkChannel c : channels) {
            if (c.fallbackChannel() != null && channels.contains(c.fallbackChannel())) {
                fallbacks.add(c.fallbackChannel());
            }
        }
        List<SinkChannel> ordered = new ArrayList<>(channels);
        ordered.removeAll(fallbacks);
        ordered.addAll(fallbacks);
        for (SinkChannel c : ordered) {
            long left = c.close(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
            if (left > 0) {
                err.println("Signals: sink '" + c.name() + "' closed with " + left
                        + " event(s) undelivered at the shutdown deadline; counted as dropped (SHUTDOWN)");
            }
        }
    }
}
