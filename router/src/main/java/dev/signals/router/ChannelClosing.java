package dev.signals.router;

import dev.signals.router.delivery.BoundedCall;
import dev.signals.router.delivery.SinkChannel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a set of sink channels within one deadline, all at once, each on a daemon thread of
 * its own: a sink stuck in {@code close()}, {@code flush()} or {@code accept} costs its own
 * events, never the deadline of the others, and never keeps the JVM alive. Sinks that others
 * fall back to close after those (closing a sink may divert its last events to its fallback),
 * in the last quarter of the time. What is left undelivered, and every sink still closing at
 * the deadline, is written to stderr (the channels count the events as dropped, {@code SHUTDOWN}).
 */
final class ChannelClosing {

    private ChannelClosing() {
    }

    static void closeAll(List<SinkChannel> channels, Duration deadline, PrintStream err) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Set<SinkChannel> fallbacks = new LinkedHashSet<>();
        for (SinkChannel c : channels) {
            if (c.fallbackChannel() != null && channels.contains(c.fallbackChannel())) {
                fallbacks.add(c.fallbackChannel());
            }
        }
        List<SinkChannel> first = new ArrayList<>(channels);
        first.removeAll(fallbacks);
        long firstEnd = fallbacks.isEmpty() ? end : start + deadline.toNanos() * 3 / 4;
        closeTogether(first, firstEnd, err);
        closeTogether(new ArrayList<>(fallbacks), end, err);
    }

    private static void closeTogether(List<SinkChannel> channels, long end, PrintStream err) {
        List<BoundedCall> calls = new ArrayList<>();
        List<AtomicLong> lefts = new ArrayList<>();
        for (SinkChannel c : channels) {
            AtomicLong left = new AtomicLong();
            Duration budget = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
            calls.add(BoundedCall.start(() -> left.set(c.close(budget)), "signals-close-" + c.name(), c));
            lefts.add(left);
        }
        for (int i = 0; i < channels.size(); i++) {
            SinkChannel c = channels.get(i);
            // A little past the deadline: the channel itself stops waiting at it and needs a moment to count.
            if (!calls.get(i).awaitUntil(end + 200_000_000L)) {
                err.println("Signals: sink '" + c.name() + "' did not finish closing by the shutdown deadline"
                        + " (stuck in close, flush or accept); it is left behind, " + c.stats().pending()
                        + " event(s) undelivered");
            } else if (lefts.get(i).get() > 0) {
                err.println("Signals: sink '" + c.name() + "' closed with " + lefts.get(i).get()
                        + " event(s) undelivered at the shutdown deadline; counted as dropped (SHUTDOWN)");
            }
        }
    }
}
