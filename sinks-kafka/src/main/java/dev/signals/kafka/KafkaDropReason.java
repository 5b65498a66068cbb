package dev.signals.kafka;

/** Why an event that reached the kafka sink will not reach Kafka. */
public enum KafkaDropReason {
    /** The spool was full: the new event ({@code dropNewest}) or an unsent older one ({@code dropOldest}). */
    SPOOL_FULL,
    /** Kafka refused the record for good (larger than the broker or topic allows). */
    REFUSED,
    /** Could not be written to the spool file (a full disk, an I/O error). */
    UNWRITABLE
}
