package dev.signals.kafka;

import java.util.Map;

/**
 * The figures of one kafka sink, for its own diagnostics (the router's {@code stats()} count
 * what reached the sink; these say what became of it). Every event the sink took is spooled or
 * dropped; every spooled event is acknowledged by Kafka, still in the spool, or dropped
 * ({@code SPOOL_FULL} under {@code dropOldest}).
 *
 * @param spooled events written to the spool by this process
 * @param spoolBytes bytes in the spool now (files and the write buffer)
 * @param spoolRecords events in the spool not yet acknowledged
 * @param sent records handed to the Kafka producer (a resend counts again)
 * @param acknowledged records Kafka acknowledged
 * @param replayed events found in the spool at start-up, left by an earlier run, sent again
 * @param sendFailures records the producer reported failed (each is sent again from the spool)
 * @param damagedBytes bytes of spool files found damaged at start-up (or while read) and skipped
 * @param dropped events dropped, by reason
 */
public record KafkaSinkStats(long spooled, long spoolBytes, long spoolRecords, long sent, long acknowledged,
                             long replayed, long sendFailures, long damagedBytes,
                             Map<KafkaDropReason, Long> dropped) {

    public KafkaSinkStats {
        dropped = Map.copyOf(dropped);
    }

    /** Events dropped for {@code reason}. */
    public long dropped(KafkaDropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }
}
