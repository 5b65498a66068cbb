package dev.signals.kafka;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** The counters behind {@link KafkaSinkStats}, written by the sink, its spool and its sender. */
final class Figures {

    final AtomicLong spooled = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    final AtomicLong damagedBytes = new AtomicLong();
    private final AtomicLongArray dropped = new AtomicLongArray(KafkaDropReason.values().length);

    void drop(KafkaDropReason reason, long n) {
        if (n > 0) {
            dropped.addAndGet(reason.ordinal(), n);
        }
    }

    long dropped(KafkaDropReason reason) {
        return dropped.get(reason.ordinal());
    }

    KafkaSinkStats snapshot(long spoolBytes, long spoolRecords) {
        Map<KafkaDropReason, Long> drops = new EnumMap<>(KafkaDropReason.class);
        for (KafkaDropReason r : KafkaDropReason.values()) {
            drops.put(r, dropped(r));
        }
        return new KafkaSinkStats(spooled.get(), spoolBytes, spoolRecords, sent.get(), acknowledged.get(),
                replayed.get(), sendFailures.get(), damagedBytes.get(), drops);
    }
}
