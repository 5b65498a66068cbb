package dev.signals.kafka;

import dev.signals.router.spi.Figure;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * These figures as the router carries them in {@code Router.stats()} and {@code /metrics}
     * gives them ({@code signals_kafka_…}; see {@code docs/kafka.md}).
     */
    List<Figure> asFigures() {
        List<Figure> out = new ArrayList<>();
        out.add(Figure.counter("kafka_spooled", "Events the kafka sink wrote to its spool.", spooled));
        out.add(Figure.counter("kafka_sent", "Records handed to the Kafka producer (a resend counts again).", sent));
        out.add(Figure.counter("kafka_acknowledged", "Records Kafka acknowledged.", acknowledged));
        out.add(Figure.counter("kafka_replayed", "Records found in the spool at start-up, left by an earlier run.",
                replayed));
        out.add(Figure.counter("kafka_send_failures", "Records the Kafka producer failed (each is sent again).",
                sendFailures));
        out.add(Figure.counter("kafka_damaged_bytes", "Bytes of spool files found damaged and skipped.", damagedBytes));
        for (KafkaDropReason reason : KafkaDropReason.values()) {
            out.add(Figure.counter("kafka_dropped", "Events that will not reach Kafka, by reason.", dropped(reason))
                    .label("reason", reason.name()));
        }
        out.add(Figure.gauge("kafka_spool_bytes", "Bytes in the spool now (files and buffer).", spoolBytes));
        out.add(Figure.gauge("kafka_spool_records", "Records in the spool not yet acknowledged.", spoolRecords));
        return out;
    }
}
